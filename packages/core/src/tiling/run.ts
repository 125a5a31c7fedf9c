import type { BackendSession } from '../backend.js';
import { assertPlane } from '../backends/args.js';
import { argError, assertSignal, throwIfAborted, VdsrError } from '../errors.js';
import { checkPlanOptions, type PlanOptions, planTiles, type Rect, type Tile } from './plan.js';

export interface TileProgress {
  /** Share of the output pixels done, 0..1. */
  fraction: number;
  /** Tiles done so far. */
  tile: number;
  tiles: number;
  /** With an ensemble (upscale's `ensemble` option): network passes done, one per tile and transform. */
  pass?: number;
  /** With an ensemble: the passes in all, tiles x transforms. */
  passes?: number;
}

export interface TiledOptions extends PlanOptions {
  signal?: AbortSignal;
  /** Called after every tile. */
  onProgress?: (progress: TileProgress) => void;
}

/** Validates every option of runTiled, so callers can fail before expensive work. */
export function checkTiledOptions(options: TiledOptions): void {
  checkPlanOptions(options);
  const { signal, onProgress } = options;
  assertSignal(signal);
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw argError('onProgress', 'a function', onProgress);
}

/** One session run that must give back a plane of the input's size; anything else is E_BACKEND. */
export async function runChecked(
  session: BackendSession,
  input: Float32Array,
  rect: Rect,
  signal: AbortSignal | undefined,
): Promise<Float32Array> {
  const output = await session.run(input, rect.width, rect.height, signal);
  if (!(output instanceof Float32Array) || output.length !== input.length) {
    throw new VdsrError(
      'E_BACKEND',
      `Backend '${session.backend}' returned ${output?.constructor?.name ?? typeof output} of length ` +
        `${(output as Float32Array | undefined)?.length} for a ${rect.width} x ${rect.height} tile`,
    );
  }
  return output;
}

const smaller = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.min(a, b);

/**
 * The plan options for tiles run on `session`: the caller's, with the session's memory budget as the
 * default and the smaller of the caller's and the session's hard limits.
 */
export function sessionPlanOptions(session: BackendSession, options: PlanOptions): PlanOptions {
  const limits = session.limits ?? {};
  return {
    ...options,
    memoryBudget: options.memoryBudget ?? session.memoryBudget,
    maxTilePixels: smaller(options.maxTilePixels, limits.maxTilePixels),
    maxTileSide: smaller(options.maxTileSide, limits.maxTileSide),
  };
}

/** The tiles runTiled cuts a width x height plane into on `session`. */
export function planSessionTiles(
  session: BackendSession,
  width: number,
  height: number,
  options: PlanOptions,
): Tile[] {
  return planTiles(width, height, sessionPlanOptions(session, options));
}

/** Copies `rect` of a `stride`-wide plane into `to` (rect-sized, row-major). */
function crop(from: Float32Array, stride: number, rect: Rect, to: Float32Array): void {
  for (let r = 0; r < rect.height; r++) {
    const start = (rect.y + r) * stride + rect.x;
    to.set(from.subarray(start, start + rect.width), r * rect.width);
  }
}

/**
 * Runs the network over a luma plane (Y / 255) tile by tile and stitches the inner rects. With a halo
 * of at least the receptive radius the result equals one run over the whole image, at a memory cost
 * bounded by the tile size. Tiles follow sessionPlanOptions: never beyond the session's limits. Checks
 * `signal` between tiles (and hands it to the backend).
 */
export async function runTiled(
  session: BackendSession,
  y: Float32Array,
  width: number,
  height: number,
  options: TiledOptions = {},
): Promise<Float32Array> {
  if (typeof session?.run !== 'function') throw argError('session', 'a BackendSession', session);
  assertPlane(y, width, height);
  checkTiledOptions(options);
  const { signal, onProgress } = options;
  const tiles = planSessionTiles(session, width, height, options);
  throwIfAborted(signal);
  const whole = { x: 0, y: 0, width, height };
  if (tiles.length === 1) {
    const out = await runChecked(session, y, whole, signal);
    onProgress?.({ fraction: 1, tile: 1, tiles: 1 });
    return out;
  }
  const out = new Float32Array(width * height);
  const input = new Float32Array(
    tiles.reduce((most, t) => Math.max(most, t.outer.width * t.outer.height), 0),
  );
  let done = 0;
  for (const { index, inner, outer } of tiles) {
    throwIfAborted(signal);
    const tileInput = input.subarray(0, outer.width * outer.height);
    crop(y, width, outer, tileInput);
    const result = await runChecked(session, tileInput, outer, signal);
    for (let r = 0; r < inner.height; r++) {
      const from = (inner.y - outer.y + r) * outer.width + inner.x - outer.x;
      out.set(result.subarray(from, from + inner.width), (inner.y + r) * width + inner.x);
    }
    done += inner.width * inner.height;
    onProgress?.({ fraction: done / (width * height), tile: index + 1, tiles: tiles.length });
  }
  return out;
}
