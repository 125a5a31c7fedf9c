import {
  argError,
  describeValue,
  type SessionOptions,
  type UpscaleOptions,
  type Upscaler,
  VdsrError,
  type VdsrWeights,
} from '@vdsr/core';
import type { Sharp } from 'sharp';

export interface SharpUpscaleOptions extends UpscaleOptions {
  /** Default: the release weights, loadWeights() from @vdsr/weights. */
  weights?: VdsrWeights;
  /** A registered backend's name, or 'auto' (the default). */
  backend?: string;
  /**
   * Options for the backend's session, passed through as given: `threads`, and whatever the backend
   * packages you import add to the core's SessionOptions (e.g. onnxruntime-web's `executionProviders`).
   */
  sessionOptions?: SessionOptions;
  /**
   * An upscaler to reuse across images (it is not disposed); excludes `weights`, `backend` and
   * `sessionOptions`.
   */
  upscaler?: Upscaler;
  /**
   * Do not process input images whose pixel count (width x height) exceeds this limit, as sharp's
   * option of the same name: true (the default) for sharp's 268402689 (0x3FFF x 0x3FFF), false or
   * 0 for none.
   */
  limitInputPixels?: number | boolean;
}

/** sharp's default limitInputPixels. */
export const DEFAULT_LIMIT_INPUT_PIXELS = 0x3fff * 0x3fff;

export interface CheckedOptions extends SharpUpscaleOptions {
  limitInputPixels: number;
}

export function checkSharp(image: unknown): asserts image is Sharp {
  const candidate = image as Partial<Sharp> | null;
  if (
    typeof candidate?.clone !== 'function' ||
    typeof candidate.metadata !== 'function' ||
    typeof candidate.toBuffer !== 'function' ||
    typeof candidate.autoOrient !== 'function'
  ) {
    throw argError('image', 'a sharp instance (sharp >= 0.34)', image);
  }
}

function checkLimit(limit: unknown): number {
  if (limit === undefined || limit === true) return DEFAULT_LIMIT_INPUT_PIXELS;
  if (limit === false || limit === 0) return Number.POSITIVE_INFINITY;
  if (typeof limit === 'number' && Number.isInteger(limit) && limit > 0) return limit;
  throw argError('options.limitInputPixels', 'a positive integer, 0 or a boolean', limit);
}

/** Checks the options this package adds; the core checks its own (tileSize, signal...). */
export function checkOptions(options: unknown): CheckedOptions {
  if (options === undefined) return { limitInputPixels: DEFAULT_LIMIT_INPUT_PIXELS };
  if (typeof options !== 'object' || options === null) throw argError('options', 'an object', options);
  const { upscaler, weights, backend, sessionOptions, limitInputPixels } = options as SharpUpscaleOptions;
  if (upscaler !== undefined) {
    if (typeof upscaler?.upscale !== 'function') throw argError('options.upscaler', 'an upscaler', upscaler);
    if (weights !== undefined || backend !== undefined || sessionOptions !== undefined) {
      throw new VdsrError(
        'E_ARG',
        `Expected options.upscaler alone, without weights, backend or sessionOptions (it has its own), but received weights ${describeValue(weights)}, backend ${describeValue(backend)} and sessionOptions ${describeValue(sessionOptions)}`,
      );
    }
  }
  if (sessionOptions !== undefined && (typeof sessionOptions !== 'object' || sessionOptions === null)) {
    throw argError('options.sessionOptions', 'an object of session options', sessionOptions);
  }
  for (const key of ['weights', 'backend'] as const) {
    if (sessionOptions !== undefined && key in sessionOptions) {
      throw argError(
        `options.sessionOptions.${key}`,
        `options.${key} instead`,
        (sessionOptions as never)[key],
      );
    }
  }
  if (weights !== undefined && (typeof weights !== 'object' || weights === null)) {
    throw argError('options.weights', 'VdsrWeights (from parseWeights or loadWeights)', weights);
  }
  if (backend !== undefined && (typeof backend !== 'string' || backend === '')) {
    throw argError('options.backend', "a backend name or 'auto'", backend);
  }
  return { ...(options as SharpUpscaleOptions), limitInputPixels: checkLimit(limitInputPixels) };
}

/** What goes on to the core's upscale: every option but this package's own. */
export function coreOptions(options: CheckedOptions): UpscaleOptions {
  const { weights, backend, sessionOptions, upscaler, limitInputPixels, ...rest } = options;
  return rest;
}
