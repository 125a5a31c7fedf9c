import { assertPositiveInt } from '../checks.js';
import { argError, VdsrError } from '../errors.js';
import { createRowResizer } from './rows.js';

function isPositiveFinite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

/**
 * MATLAB `imresize(A, scale, 'bicubic')` (with `scale`) or `imresize(A, [outHeight outWidth],
 * 'bicubic')` (without: scale = out / in per axis) on one row-major float plane. Values are not
 * clamped. Like MATLAB, the axis with the smaller scale goes first (height first on a tie), and an
 * axis whose size and scale are both unchanged is left as it is (the kernel is the identity there).
 */
export function resizePlane(
  src: Float32Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
  scale?: { x: number; y: number },
): Float32Array {
  assertPositiveInt(width, 'width');
  assertPositiveInt(height, 'height');
  assertPositiveInt(outWidth, 'outWidth');
  assertPositiveInt(outHeight, 'outHeight');
  if (!(src instanceof Float32Array)) throw argError('src', 'a Float32Array', src);
  if (src.length !== width * height) {
    throw new VdsrError(
      'E_ARG',
      `Expected src of length ${width * height} (${width} x ${height}) but received length ${src.length}`,
    );
  }
  if (scale !== undefined) {
    if (typeof scale !== 'object' || scale === null) throw argError('scale', 'an object { x, y }', scale);
    if (!isPositiveFinite(scale.x)) throw argError('scale.x', 'a finite number > 0', scale.x);
    if (!isPositiveFinite(scale.y)) throw argError('scale.y', 'a finite number > 0', scale.y);
  }
  return createRowResizer(width, height, outWidth, outHeight, scale).resize(src, 0, 0, outHeight);
}
