import { argError, type Ensemble, type ResizeTarget, VdsrError } from '@vdsr/core';

/** What an import asks for: the query parameters after `?vdsr`, or the plugin's `defaults`. */
export interface VdsrQuery {
  /** Scale factor (> 1). */
  scale?: number;
  /** Output width in pixels; with `height` too, the exact size; alone, the aspect ratio is kept. */
  width?: number;
  /** Output height in pixels. */
  height?: number;
  /** Output format as sharp names it (png, jpeg, webp, avif...); default: the input's. */
  format?: string;
  /** Pixel densities for `<img srcset>`: the original is 1x, VDSR makes the others. */
  srcset?: readonly number[];
  /**
   * Self-ensemble: average the network over this many flips/rotations (`true` or `8`, `4`, `2`;
   * `1` or `false`: off). In a query, `ensemble` alone means 8.
   */
  ensemble?: Ensemble;
}

/** Passes of the network per tile, when more than one. */
export type EnsemblePasses = 2 | 4 | 8;

/** One upscaled image to make. */
export interface UrlRequest {
  readonly kind: 'url';
  readonly target: ResizeTarget;
  readonly format?: string;
  readonly ensemble?: EnsemblePasses;
}

/** An `<img>` source set: the original as 1x, one upscaled image per other density. */
export interface SrcsetRequest {
  readonly kind: 'srcset';
  readonly densities: readonly number[];
  readonly format?: string;
  readonly ensemble?: EnsemblePasses;
}

export type VdsrRequest = UrlRequest | SrcsetRequest;

const TARGET_KEYS = ['scale', 'width', 'height', 'srcset'] as const;
const KEYS: readonly string[] = [...TARGET_KEYS, 'format', 'ensemble'];
// Vite's own: dev adds `import` to asset imports from JavaScript and `t` after a file changes.
const VITE_KEYS: readonly string[] = ['vdsr', 'import', 't'];

function scaleValue(name: string, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 1) {
    throw argError(name, 'a number > 1', value);
  }
  return number;
}

function sizeValue(name: string, value: unknown): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number <= 0) {
    throw argError(name, 'a positive integer', value);
  }
  return number;
}

function densitiesValue(value: unknown): number[] {
  const list = typeof value === 'string' ? value.split(',').map((d) => d.trim()) : value;
  const expected = 'a list of distinct pixel densities >= 1 with one > 1, such as 1,2,3';
  if (!Array.isArray(list) || list.length === 0) throw argError('srcset', expected, value);
  const densities = list.map((d) => (typeof d === 'string' && d !== '' ? Number(d) : d));
  if (
    densities.some((d) => typeof d !== 'number' || !Number.isFinite(d) || d < 1) ||
    new Set(densities).size !== densities.length ||
    !densities.some((d) => d > 1)
  ) {
    throw argError('srcset', expected, value);
  }
  return (densities as number[]).sort((a, b) => a - b);
}

function formatValue(value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9]*$/.test(value)) {
    throw argError('format', 'a format name such as png, jpeg, webp or avif', value);
  }
  return value;
}

// A query gives strings ('' for `&ensemble` alone), the plugin's defaults the core's values.
const ENSEMBLE_PASSES = new Map<unknown, 1 | EnsemblePasses>([
  ['', 8],
  ['true', 8],
  [true, 8],
  ['false', 1],
  [false, 1],
  ...([1, 2, 4, 8] as const).flatMap((n) => [[n, n] as const, [String(n), n] as const]),
]);

function ensembleValue(value: unknown): 1 | EnsemblePasses {
  const passes = ENSEMBLE_PASSES.get(value);
  if (passes === undefined) {
    throw argError('ensemble', 'true, false or a number of transforms: 1, 2, 4 or 8', value);
  }
  return passes;
}

/** Checks a query (from an import or the plugin's defaults) and says what to make. */
export function checkQuery(query: VdsrQuery): VdsrRequest {
  const { scale, width, height, srcset, format, ensemble } = query;
  const given = TARGET_KEYS.filter((key) => query[key] !== undefined);
  const combined = given.length > 1 && !(given.length === 2 && width !== undefined && height !== undefined);
  if (given.length === 0 || combined) {
    throw new VdsrError(
      'E_ARG',
      `Expected one of scale, width and/or height, or srcset but received ${given.length === 0 ? 'none' : given.join(' and ')}`,
      { details: { option: 'query' } },
    );
  }
  const checkedFormat = format === undefined ? undefined : formatValue(format);
  const passes = ensemble === undefined ? 1 : ensembleValue(ensemble);
  const withFormat = {
    ...(checkedFormat === undefined ? {} : { format: checkedFormat }),
    ...(passes === 1 ? {} : { ensemble: passes }),
  };
  if (srcset !== undefined) return { kind: 'srcset', densities: densitiesValue(srcset), ...withFormat };
  if (scale !== undefined)
    return { kind: 'url', target: { scale: scaleValue('scale', scale) }, ...withFormat };
  const size = {
    ...(width === undefined ? {} : { width: sizeValue('width', width) }),
    ...(height === undefined ? {} : { height: sizeValue('height', height) }),
  } as ResizeTarget;
  return { kind: 'url', target: size, ...withFormat };
}

/**
 * The query of an import id (`/src/hero.png?vdsr&scale=2`) over `defaults`: any of scale, width,
 * height or srcset in the id replaces the defaults' target, a format or ensemble replaces theirs. Undefined
 * when the id is not for this plugin: no `vdsr` parameter, unless `included` (a file the include
 * option covers) and imported plainly (`?url`, `?raw` and the like stay Vite's).
 */
export function requestOf(
  params: URLSearchParams,
  defaults: VdsrQuery,
  included: boolean,
): VdsrRequest | undefined {
  if (!params.has('vdsr') && !(included && [...params.keys()].every((key) => VITE_KEYS.includes(key)))) {
    return undefined;
  }
  const own: Record<string, string> = {};
  for (const [key, value] of params) {
    if (VITE_KEYS.includes(key)) continue;
    if (!KEYS.includes(key)) {
      throw new VdsrError(
        'E_ARG',
        `Expected query parameters among ${KEYS.join(', ')} but received '${key}'`,
        { details: { option: key, value } },
      );
    }
    own[key] = value;
  }
  const ownTarget = TARGET_KEYS.some((key) => own[key] !== undefined);
  const { scale, width, height, srcset, format, ensemble } = defaults;
  const base: VdsrQuery = ownTarget ? {} : { scale, width, height, srcset };
  return checkQuery({ ...base, format, ensemble, ...(own as VdsrQuery) });
}
