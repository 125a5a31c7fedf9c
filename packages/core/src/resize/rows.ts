import { type Contributions, contributions } from './contributions.js';

/**
 * Resizes every column of `rows` (input rows first..first + n, `width` wide): output row j, for j in
 * r0..r1, is a weighted sum of whole input rows (cache-friendly).
 */
function alongHeight(
  rows: Float32Array,
  first: number,
  width: number,
  r0: number,
  r1: number,
  c: Contributions,
): Float32Array {
  const { taps, weights, indices } = c;
  const out = new Float32Array(width * (r1 - r0));
  const offsets = new Int32Array(taps);
  const ws = new Float64Array(taps);
  for (let j = r0; j < r1; j++) {
    for (let t = 0; t < taps; t++) {
      offsets[t] = (indices[j * taps + t]! - first) * width;
      ws[t] = weights[j * taps + t]!;
    }
    for (let x = 0, o = (j - r0) * width; x < width; x++, o++) {
      let sum = 0;
      for (let t = 0; t < taps; t++) sum += ws[t]! * rows[offsets[t]! + x]!;
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
 * A bicubic resize of one plane geometry, computed a band of output rows at a time: MATLAB's imresize
 * is separable, so output rows r0..r1 read only a window of input rows, and each output row comes out
 * bit-identical to the whole-plane resize (the same sums in the same order).
 */
export interface RowResizer {
  /** The input rows [start, end) that output rows [r0, r1) read. */
  inputRows(r0: number, r1: number): [start: number, end: number];
  /**
   * Output rows [r0, r1) (outWidth wide, row-major, a new array) from `rows`: input rows
   * [first, first + rows.length / width), which must cover inputRows(r0, r1).
   */
  resize(rows: Float32Array, first: number, r0: number, r1: number): Float32Array;
}

/**
 * Like MATLAB, the axis with the smaller scale goes first (height first on a tie), and an axis whose
 * size and scale are both unchanged is left as it is. Arguments are trusted: resizePlane checks them.
 */
export function createRowResizer(
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
  scale?: { x: number; y: number },
): RowResizer {
  const sx = scale?.x ?? outWidth / width;
  const sy = scale?.y ?? outHeight / height;
  const byHeight = outHeight === height && sy === 1 ? undefined : contributions(height, outHeight, sy);
  const byWidth = outWidth === width && sx === 1 ? undefined : contributions(width, outWidth, sx);
  const widthFirst = sx < sy;
  const heightRows = (rows: Float32Array, first: number, w: number, r0: number, r1: number) =>
    byHeight ? alongHeight(rows, first, w, r0, r1, byHeight) : rows.slice((r0 - first) * w, (r1 - first) * w);
  const widthRows = (rows: Float32Array, h: number) =>
    byWidth ? alongWidth(rows, width, h, outWidth, byWidth) : rows;
  return {
    inputRows(r0, r1) {
      if (!byHeight) return [r0, r1];
      const { taps, indices } = byHeight;
      let start = height;
      let end = 0;
      for (let i = r0 * taps; i < r1 * taps; i++) {
        start = Math.min(start, indices[i]!);
        end = Math.max(end, indices[i]! + 1);
      }
      return [start, end];
    },
    resize(rows, first, r0, r1) {
      const count = rows.length / width;
      if (widthFirst) return heightRows(widthRows(rows, count), first, outWidth, r0, r1);
      // heightRows slices when the height is unchanged, so the result never aliases the input.
      return widthRows(heightRows(rows, first, width, r0, r1), r1 - r0);
    },
  };
}
