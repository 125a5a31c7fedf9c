import { assertPositiveInt, isPositiveInt } from '../checks.js';
import { argError, describeValue, VdsrError } from '../errors.js';

/** A scale factor, or an output size; with one side only, the other keeps the aspect ratio. */
export type ResizeTarget =
  | { scale: number }
  | { width: number; height?: number }
  | { width?: number; height: number };

export interface TargetSize {
  width: number;
  height: number;
  /** The kernel's scale along each axis, as MATLAB's imresize uses it. */
  scaleX: number;
  scaleY: number;
}

/** The largest output, in pixels, resizing agrees to allocate (a 32768 x 32768 plane). */
export const MAX_RESIZE_PIXELS = 2 ** 30;

function fromScale(width: number, height: number, scale: unknown): TargetSize {
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw argError('target.scale', 'a finite number > 0', scale);
  }
  // MATLAB: output size = ceil(input size * scale), the product in double precision.
  return { width: Math.ceil(width * scale), height: Math.ceil(height * scale), scaleX: scale, scaleY: scale };
}

type LooseTarget = { scale?: unknown; width?: unknown; height?: unknown };

function fromSize(width: number, height: number, target: LooseTarget): TargetSize {
  const { width: outWidth, height: outHeight } = target;
  if (outWidth !== undefined && !isPositiveInt(outWidth)) {
    throw argError('target.width', 'a positive integer', outWidth);
  }
  if (outHeight !== undefined && !isPositiveInt(outHeight)) {
    throw argError('target.height', 'a positive integer', outHeight);
  }
  if (outWidth !== undefined && outHeight !== undefined) {
    return { width: outWidth, height: outHeight, scaleX: outWidth / width, scaleY: outHeight / height };
  }
  // MATLAB's [NaN w] / [h NaN]: one scale from the given side, used for both axes.
  if (outWidth !== undefined) return { ...fromScale(width, height, outWidth / width), width: outWidth };
  if (outHeight !== undefined) return { ...fromScale(width, height, outHeight / height), height: outHeight };
  throw argError('target', 'an object with scale, width or height', target);
}

/** targetSize without its MAX_RESIZE_PIXELS check, for callers that check a tighter limit first. */
export function uncheckedTargetSize(width: number, height: number, target: ResizeTarget): TargetSize {
  assertPositiveInt(width, 'width');
  assertPositiveInt(height, 'height');
  if (typeof target !== 'object' || target === null) {
    throw argError('target', 'an object { scale } or { width, height }', target);
  }
  const t = target as LooseTarget;
  if (t.scale !== undefined && (t.width !== undefined || t.height !== undefined)) {
    throw new VdsrError(
      'E_ARG',
      `Expected target with either scale or width/height but received scale ${describeValue(t.scale)} with width ${describeValue(t.width)} and height ${describeValue(t.height)}`,
    );
  }
  return t.scale !== undefined ? fromScale(width, height, t.scale) : fromSize(width, height, t);
}

/** E_LIMIT unless the output of a resize fits MAX_RESIZE_PIXELS. */
export function checkResizePixels(width: number, height: number, size: TargetSize): void {
  const pixels = size.width * size.height;
  if (pixels > MAX_RESIZE_PIXELS) {
    throw new VdsrError(
      'E_LIMIT',
      `Expected an output of at most ${MAX_RESIZE_PIXELS} pixels (MAX_RESIZE_PIXELS, the most a resize allocates) but ${width} x ${height} resizes to ${size.width} x ${size.height}`,
      { details: { option: 'target', limit: 'MAX_RESIZE_PIXELS', value: pixels, max: MAX_RESIZE_PIXELS } },
    );
  }
}

/**
 * The output size and kernel scales of a resize, as MATLAB's imresize derives them: `{ scale }` gives
 * ceil(size * scale); `{ width, height }` gives that size (scale = out / in per axis); one side only
 * keeps the aspect ratio. Throws E_ARG on bad input and E_LIMIT past MAX_RESIZE_PIXELS.
 */
export function targetSize(width: number, height: number, target: ResizeTarget): TargetSize {
  const size = uncheckedTargetSize(width, height, target);
  checkResizePixels(width, height, size);
  return size;
}
