import { argError, type SessionOptions, type VdsrWeights } from '@vdsr/core';
import { DEFAULT_LIMIT_INPUT_PIXELS } from '@vdsr/sharp';
import type { FilterPattern } from 'vite';
import { checkQuery, type VdsrQuery } from './query.js';

export interface VdsrPluginOptions {
  /**
   * Files to upscale even when imported without `?vdsr`, with the `defaults` query: globs relative
   * to Vite's root or regular expressions on absolute paths, as Vite's createFilter reads them.
   * Default: none.
   */
  include?: FilterPattern;
  /** Files the `include` option leaves alone. An explicit `?vdsr` import is always upscaled. */
  exclude?: FilterPattern;
  /** The query of `?vdsr` alone and of included files (default `{ scale: 2 }`). */
  defaults?: VdsrQuery;
  /**
   * A backend the application registered (by importing its package in the Vite config) or 'auto'
   * (the default), which must find one faster than the reference backend; ask for 'reference' by
   * name to use it anyway.
   */
  backend?: string;
  /** Options for the backend's session (threads, and a backend package's own). */
  session?: SessionOptions;
  /** Default: the release weights, loadWeights() from @vdsr/weights. */
  weights?: VdsrWeights;
  /** Images upscaled at once (default 2). */
  concurrency?: number;
  /** Where upscaled images are kept (default `node_modules/.cache/vdsr` under Vite's root). */
  cacheDir?: string;
  /** Largest source image in pixels (width x height), as sharp's option; default 0x3FFF x 0x3FFF. */
  limitInputPixels?: number;
  /** A progress line during `vite build` when upscaling takes more than 1.5 s (default true). */
  progress?: boolean;
}

export interface CheckedPluginOptions extends VdsrPluginOptions {
  readonly defaults: VdsrQuery;
  readonly backend: string;
  readonly session: SessionOptions;
  readonly concurrency: number;
  readonly limitInputPixels: number;
  readonly progress: boolean;
}

function isPattern(value: unknown): value is FilterPattern {
  const one = (v: unknown) => typeof v === 'string' || v instanceof RegExp;
  return value === null || one(value) || (Array.isArray(value) && value.every(one));
}

function positiveInt(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw argError(`options.${name}`, 'a positive integer', value);
  }
  return value;
}

/** Checks the plugin's options when the Vite config makes it, so a typo fails before any build. */
export function checkPluginOptions(options: unknown = {}): CheckedPluginOptions {
  if (typeof options !== 'object' || options === null) throw argError('options', 'an object', options);
  const o = options as VdsrPluginOptions;
  for (const name of ['include', 'exclude'] as const) {
    if (o[name] !== undefined && !isPattern(o[name])) {
      throw argError(`options.${name}`, 'a glob, a RegExp or an array of them', o[name]);
    }
  }
  const defaults = o.defaults ?? { scale: 2 };
  if (typeof defaults !== 'object' || defaults === null)
    throw argError('options.defaults', 'a query object', defaults);
  checkQuery(defaults);
  const backend = o.backend ?? 'auto';
  if (typeof backend !== 'string' || backend === '')
    throw argError('options.backend', "a backend name or 'auto'", backend);
  const session = o.session ?? {};
  if (typeof session !== 'object' || session === null)
    throw argError('options.session', 'an object', session);
  if (o.weights !== undefined && (typeof o.weights !== 'object' || o.weights === null)) {
    throw argError('options.weights', 'VdsrWeights (from loadWeights or parseWeights)', o.weights);
  }
  if (o.cacheDir !== undefined && (typeof o.cacheDir !== 'string' || o.cacheDir === '')) {
    throw argError('options.cacheDir', 'a directory path', o.cacheDir);
  }
  if (o.progress !== undefined && typeof o.progress !== 'boolean') {
    throw argError('options.progress', 'a boolean', o.progress);
  }
  return {
    ...o,
    defaults,
    backend,
    session,
    concurrency: positiveInt('concurrency', o.concurrency, 2),
    limitInputPixels: positiveInt('limitInputPixels', o.limitInputPixels, DEFAULT_LIMIT_INPUT_PIXELS),
    progress: o.progress ?? true,
  };
}
