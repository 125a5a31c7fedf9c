import { assertPositiveInt } from '../checks.js';
import { argError, VdsrError } from '../errors.js';
import { type Contributions, contributions } from './contributions.js';

function isPositiveFinite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

/** Resizes every column: output row j is a weighted sum of whole input rows (cache-friendly). */
function alongHeight(src: Float32Array, width: number, outHeight: number, c: Contributions): Float32Array {
  const { taps, weights, indices } = c;
  const out = new Float32Array(width * outHeight);
  const rows = new Int32Array(taps);
  const ws = new Float64Array(taps);
  for (let j = 0; j < outHeight; j++) {
    for (let t = 0; t < taps; t++) {
      rows[t] = indices[j * taps + t]! * width;
      ws[t] = weights[j * taps + t]!;
    }
    for (let x = 0, o = j * width; x < width; x++, o++) {
      let sum = 0;
      for (let t = 0; t < taps; t++) sum += ws[t]! * src[rows[t]! + x]!;
      out[o] = sum;
    }
  }
  return out;
}

/** Resizes every row. */
function alongWidth(
  src: Float32Array,
  width: number,
  height: number,
  outWidth: number,
  c: Contributions,
): Float32Array {
  const { taps, weights, indices } = c;
  const out = new Float32Array(outWidth * height);
  for (let y = 0, o = 0; y < height; y++) {
    const row = y * width;
    for (let i = 0; i < outWidth; i++, o++) {
      let sum = 0;
      for (let t = i * taps, end = t + taps; t < end; t++) sum += weights[t]! * src[row + indices[t]!]!;
      out[o] = sum;
    }
  }
  return out;
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
  const sx = scale?.x ?? outWidth / width;
  const sy = scale?.y ?? outHeight / height;
  const resizeHeight = (p: Float32Array, w: number) =>
    outHeight === height && sy === 1 ? p : alongHeight(p, w, outHeight, contributions(height, outHeight, sy));
  const resizeWidth = (p: Float32Array, h: number) =>
    outWidth === width && sx === 1
      ? p
      : alongWidth(p, width, h, outWidth, contributions(width, outWidth, sx));
  const out =
    sx < sy
      ? resizeHeight(resizeWidth(src, height), outWidth)
      : resizeWidth(resizeHeight(src, width), outHeight);
  return out === src ? Float32Array.from(src) : out;
}
