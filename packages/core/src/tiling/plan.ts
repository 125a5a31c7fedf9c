import { assertPositiveInt, isPositiveInt } from '../checks.js';
import { argError, VdsrError } from '../errors.js';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Tile {
  readonly index: number;
  /** The output pixels this tile delivers; the inner rects partition the image. */
  readonly inner: Rect;
  /** The input the network sees: inner grown by the halo on every side, clipped to the image. */
  readonly outer: Rect;
}

export interface PlanOptions {
  /** Inner tile side in pixels; wins over memoryBudget. Default: the largest that fits memoryBudget. */
  tileSize?: number;
  /** Context added around each tile; at least the network's receptive radius (20 for the paper). */
  halo?: number;
  /** Most pixels an outer tile may have (a backend's tensor limit); always enforced, tileSize is capped to it. */
  maxTilePixels?: number;
  /** Longest side an outer tile may have (a GPU's texture size); always enforced, tileSize is capped to it. */
  maxTileSide?: number;
  /** Bytes of activations one tile may use: 2 buffers x channels x outer pixels x 4 bytes. */
  memoryBudget?: number;
  /** Feature channels of the network, for the memory estimate (the paper: 64). */
  channels?: number;
}

export const DEFAULT_HALO = 20;
/** 256 MiB: tiles of about 680 x 680 output pixels for the paper's 64 channels. */
export const DEFAULT_MEMORY_BUDGET = 256 * 2 ** 20;
const DEFAULT_CHANNELS = 64;

interface ResolvedPlanOptions {
  tileSize?: number;
  halo: number;
  maxTilePixels?: number;
  maxTileSide?: number;
  memoryBudget: number;
  channels: number;
}

/** Validates plan options and fills in the defaults. */
export function checkPlanOptions(options: PlanOptions): ResolvedPlanOptions {
  if (typeof options !== 'object' || options === null) throw argError('options', 'an object', options);
  const {
    tileSize,
    halo = DEFAULT_HALO,
    maxTilePixels,
    maxTileSide,
    memoryBudget = DEFAULT_MEMORY_BUDGET,
    channels = DEFAULT_CHANNELS,
  } = options;
  if (tileSize !== undefined && !isPositiveInt(tileSize))
    throw argError('tileSize', 'a positive integer', tileSize);
  if (!(isPositiveInt(halo) || halo === 0)) throw argError('halo', 'a non-negative integer', halo);
  if (maxTilePixels !== undefined && !isPositiveInt(maxTilePixels)) {
    throw argError('maxTilePixels', 'a positive integer', maxTilePixels);
  }
  if (maxTileSide !== undefined && !isPositiveInt(maxTileSide)) {
    throw argError('maxTileSide', 'a positive integer', maxTileSide);
  }
  if (typeof memoryBudget !== 'number' || !(memoryBudget > 0) || memoryBudget === Number.POSITIVE_INFINITY) {
    throw argError('memoryBudget', 'a positive finite number of bytes', memoryBudget);
  }
  assertPositiveInt(channels, 'channels');
  return { tileSize, halo, maxTilePixels, maxTileSide, memoryBudget, channels };
}

/** Cuts 0..length into `ceil(length / size)` spans of near-equal length (no sliver at the end). */
function spans(length: number, size: number): [start: number, end: number][] {
  const count = Math.ceil(length / size);
  return Array.from({ length: count }, (_, i) => [
    Math.floor((i * length) / count),
    Math.floor(((i + 1) * length) / count),
  ]);
}

function grow(start: number, end: number, halo: number, length: number): [number, number] {
  return [Math.max(0, start - halo), Math.min(length, end + halo)];
}

/**
 * The inner tile side: the explicit one or the largest whose outer tile fits the budget, capped in
 * either case so that outer tiles respect maxTilePixels and maxTileSide (hard limits of an engine).
 */
function chooseTileSize(width: number, height: number, o: ResolvedPlanOptions): number {
  const bytesPerPixel = 2 * o.channels * 4;
  const maxPixels = o.maxTilePixels ?? Number.POSITIVE_INFINITY;
  const maxSide = o.maxTileSide ?? Number.POSITIVE_INFINITY;
  const fitsWhole = width * height <= maxPixels && Math.max(width, height) <= maxSide;
  // The largest inner side whose outer tile (inner + 2 halos) meets the hard limits.
  const hardSide = Math.min(Math.floor(Math.sqrt(maxPixels)), maxSide) - 2 * o.halo;
  if (o.tileSize !== undefined) {
    if (fitsWhole && o.tileSize >= Math.max(width, height)) return o.tileSize;
    if (o.tileSize <= hardSide) return o.tileSize;
  } else {
    const budgetPixels = Math.floor(o.memoryBudget / bytesPerPixel);
    const fitsBudget = width * height <= budgetPixels;
    if (fitsWhole && fitsBudget) return Math.max(width, height);
    const budgetSide = Math.floor(Math.sqrt(budgetPixels)) - 2 * o.halo;
    if (budgetSide < 1) {
      const needed = (1 + 2 * o.halo) ** 2;
      throw new VdsrError(
        'E_LIMIT',
        `A 1 x 1 tile with its ${o.halo} px halo needs ${needed} pixels (${needed * bytesPerPixel} bytes at ${o.channels} channels) ` +
          `but memoryBudget ${o.memoryBudget} allows ${budgetPixels}; raise it`,
        { details: { limit: 'memoryBudget', value: o.memoryBudget, min: needed * bytesPerPixel } },
      );
    }
    if (hardSide >= 1) return Math.min(budgetSide, hardSide);
  }
  if (hardSide < 1) {
    throw new VdsrError(
      'E_LIMIT',
      `A 1 x 1 tile with its ${o.halo} px halo is ${1 + 2 * o.halo} px square but maxTilePixels ` +
        `${o.maxTilePixels ?? 'unset'} and maxTileSide ${o.maxTileSide ?? 'unset'} do not allow it`,
      { details: { limit: 'maxTilePixels', value: o.maxTilePixels } },
    );
  }
  return hardSide;
}

/**
 * Splits a width x height image into tiles whose inner rects cover it exactly once and whose outer
 * rects carry `halo` pixels of context, so that running each outer rect and keeping its inner rect
 * equals running the whole image whenever halo >= the receptive radius. An image that fits the budget
 * is one tile with no halo.
 */
export function planTiles(width: number, height: number, options: PlanOptions = {}): Tile[] {
  assertPositiveInt(width, 'width');
  assertPositiveInt(height, 'height');
  const o = checkPlanOptions(options);
  const size = chooseTileSize(width, height, o);
  const tiles: Tile[] = [];
  for (const [y0, y1] of spans(height, size)) {
    const [oy0, oy1] = grow(y0, y1, o.halo, height);
    for (const [x0, x1] of spans(width, size)) {
      const [ox0, ox1] = grow(x0, x1, o.halo, width);
      const outer = { x: ox0, y: oy0, width: ox1 - ox0, height: oy1 - oy0 };
      tiles.push({ index: tiles.length, inner: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, outer });
    }
  }
  return tiles;
}
