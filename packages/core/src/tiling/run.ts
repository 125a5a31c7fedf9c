import type { BackendSession } from '../backend.js';
import { assertPlane } from '../backends/args.js';
import { raceSignal } from '../backends/race-signal.js';
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
  const output = await raceSignal(session.run(input, rect.width, rect.height, signal), signal);
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

/** Copies `rect` of a `stride`-wide plane whose first row is `top` into `to` (rect-sized, row-major). */
function crop(from: Float32Array, stride: number, top: number, rect: Rect, to: Float32Array): void {
  for (let r = 0; r < rect.height; r++) {
    const start = (rect.y - top + r) * stride + rect.x;
    to.set(from.subarray(start, start + rect.width), r * rect.width);
  }
}

/** Tiles that share their rows: the plan's tiles come row by row. */
interface Band {
  readonly inner: readonly [y0: number, y1: number];
  readonly outer: readonly [y0: number, y1: number];
  readonly tiles: readonly Tile[];
}

function bands(tiles: readonly Tile[]): Band[] {
  const out: { inner: [number, number]; outer: [number, number]; tiles: Tile[] }[] = [];
  for (const tile of tiles) {
    const last = out[out.length - 1];
    if (last && last.inner[0] === tile.inner.y) last.tiles.push(tile);
    else {
      const { inner, outer } = tile;
      out.push({
        inner: [inner.y, inner.y + inner.height],
        outer: [outer.y, outer.y + outer.height],
        tiles: [tile],
      });
    }
  }
  return out;
}

/** Gives luma rows [y0, y1) of the plane (Y / 255, row-major, the plane's width). */
export type RowSource = (y0: number, y1: number) => Float32Array | Promise<Float32Array>;
/** Receives the network's output rows [y0, y0 + rows.length / width), top to bottom, each row once. */
export type RowSink = (y0: number, rows: Float32Array) => void | Promise<void>;

/**
 * runTiled a band of tiles at a time, for planes never held whole: reads each band's input rows (its
 * tiles' outer rows) from `source` and hands its inner rows to `sink` before the next band is read.
 * Same tiles, same results as runTiled. Checks `signal` before every tile and after the last one.
 */
export async function runTiledRows(
  session: BackendSession,
  width: number,
  height: number,
  source: RowSource,
  sink: RowSink,
  options: TiledOptions = {},
): Promise<void> {
  if (typeof session?.run !== 'function') throw argError('session', 'a BackendSession', session);
  checkTiledOptions(options);
  const { signal, onProgress } = options;
  const tiles = planSessionTiles(session, width, height, options);
  throwIfAborted(signal);
  let input: Float32Array | undefined;
  let done = 0;
  for (const band of bands(tiles)) {
    const [top, bottom] = band.outer;
    const rows = await source(top, bottom);
    const [y0, y1] = band.inner;
    let out: Float32Array;
    if (tiles.length === 1) {
      throwIfAborted(signal);
      out = await runChecked(session, rows, { x: 0, y: 0, width, height }, signal);
    } else {
      out = new Float32Array(width * (y1 - y0));
      input ??= new Float32Array(
        tiles.reduce((most, t) => Math.max(most, t.outer.width * t.outer.height), 0),
      );
      for (const { index, inner, outer } of band.tiles) {
        throwIfAborted(signal);
        const tileInput = input.subarray(0, outer.width * outer.height);
        crop(rows, width, top, outer, tileInput);
        const result = await runChecked(session, tileInput, outer, signal);
        for (let r = 0; r < inner.height; r++) {
          const from = (inner.y - outer.y + r) * outer.width + inner.x - outer.x;
          out.set(result.subarray(from, from + inner.width), (inner.y - y0 + r) * width + inner.x);
        }
        done += inner.width * inner.height;
        onProgress?.({ fraction: done / (width * height), tile: index + 1, tiles: tiles.length });
      }
    }
    throwIfAborted(signal);
    await sink(y0, out);
  }
  if (tiles.length === 1) onProgress?.({ fraction: 1, tile: 1, tiles: 1 });
}

/**
 * Runs the network over a luma plane (Y / 255) tile by tile and stitches the inner rects. With a halo
 * of at least the receptive radius the result equals one run over the whole image, at a memory cost
 * bounded by the tile size. Tiles follow sessionPlanOptions: never beyond the session's limits. Checks
 * `signal` between tiles and after the last (and hands it to the backend).
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
  let out: Float32Array | undefined;
  await runTiledRows(
    session,
    width,
    height,
    (y0, y1) => (y0 === 0 && y1 === height ? y : y.subarray(y0 * width, y1 * width)),
    (y0, rows) => {
      if (y0 === 0 && rows.length === y.length) out = rows;
      else {
        out ??= new Float32Array(width * height);
        out.set(rows, y0 * width);
      }
    },
    options,
  );
  return out!;
}
