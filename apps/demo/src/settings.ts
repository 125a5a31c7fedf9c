/**
 * Output pixels per tile side. Cancelling stops within one tile, and progress moves once a tile,
 * while each tile pays for a 20-pixel halo on every side: 256 costs 34% more than one whole tile.
 */
export const TILE_SIZE = 256;

/** Threads for the wasm backends: every core where the page is cross-origin isolated, else one. */
export function threadsHere(): number {
  return globalThis.crossOriginIsolated ? Math.max(1, navigator.hardwareConcurrency || 1) : 1;
}

/**
 * The largest output the demo starts, in pixels: the tab holds the input, the output, a bicubic copy
 * and float planes while it runs (about 40 bytes per output pixel); browsers that say how much memory
 * the device has (navigator.deviceMemory, GB) get a quarter of it, others 2 GB.
 */
export function maxOutputPixels(): number {
  const gigabytes = (navigator as { deviceMemory?: number }).deviceMemory ?? 8;
  return Math.floor((gigabytes * 2 ** 30) / 4 / 40);
}

/** Larger inputs are refused before they are decoded into a canvas. */
export const MAX_INPUT_PIXELS = 40_000_000;
