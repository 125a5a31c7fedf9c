import { BLOCK } from './pack.js';

/**
 * Output pixels per step of the inner loop. In V8 every typed-array access costs half a dozen
 * instructions (index arithmetic, overflow and bounds checks) and a local none, so the kernel keeps
 * the 72 weights of one input channel in locals, reads each input value once for 16 outputs (8 lanes
 * x 2 pixels) and each accumulator once per input channel rather than once per kernel row. Measured
 * on Zen 3 with Node 20: 4 pixels, 4 or 16 lanes, one lane at a time, float32 accumulators and float32
 * weights were no faster, and one pixel per step was slower.
 */
export const STEP = 2;

/** Accumulator slots per output channel: the width rounded up to whole steps. */
export const span = (width: number): number => Math.ceil(width / STEP) * STEP;

/**
 * Slack floats an activation buffer needs after its last plane: a width that is not a whole number of
 * steps computes up to STEP - 1 extra pixels per row, which read past the padded row (into the next
 * one, or here) and land in accumulator slots that are never stored.
 */
export const SLACK = STEP - 1;

/**
 * Adds one input channel's 3x3 contribution to one output row of one block of BLOCK channels. `row`
 * indexes the channel's padded row above the output row; `acc` is [x][lane]. Per output the sum
 * is acc + top row + middle row + bottom row, each row's three products summed first: the grouping
 * of the textbook loop, so results match it to the bit.
 */
export function accumulateChannel(
  src: Float32Array,
  row: number,
  paddedWidth: number,
  width: number,
  k: Float64Array,
  w: number,
  acc: Float64Array,
): void {
  // Weights of lane n, by kernel position:  an bn cn / dn en fn / gn hn in
  const a0 = k[w]!,
    a1 = k[w + 1]!,
    a2 = k[w + 2]!,
    a3 = k[w + 3]!,
    a4 = k[w + 4]!,
    a5 = k[w + 5]!,
    a6 = k[w + 6]!,
    a7 = k[w + 7]!;
  const b0 = k[w + 8]!,
    b1 = k[w + 9]!,
    b2 = k[w + 10]!,
    b3 = k[w + 11]!,
    b4 = k[w + 12]!,
    b5 = k[w + 13]!,
    b6 = k[w + 14]!,
    b7 = k[w + 15]!;
  const c0 = k[w + 16]!,
    c1 = k[w + 17]!,
    c2 = k[w + 18]!,
    c3 = k[w + 19]!,
    c4 = k[w + 20]!,
    c5 = k[w + 21]!,
    c6 = k[w + 22]!,
    c7 = k[w + 23]!;
  const d0 = k[w + 24]!,
    d1 = k[w + 25]!,
    d2 = k[w + 26]!,
    d3 = k[w + 27]!,
    d4 = k[w + 28]!,
    d5 = k[w + 29]!,
    d6 = k[w + 30]!,
    d7 = k[w + 31]!;
  const e0 = k[w + 32]!,
    e1 = k[w + 33]!,
    e2 = k[w + 34]!,
    e3 = k[w + 35]!,
    e4 = k[w + 36]!,
    e5 = k[w + 37]!,
    e6 = k[w + 38]!,
    e7 = k[w + 39]!;
  const f0 = k[w + 40]!,
    f1 = k[w + 41]!,
    f2 = k[w + 42]!,
    f3 = k[w + 43]!,
    f4 = k[w + 44]!,
    f5 = k[w + 45]!,
    f6 = k[w + 46]!,
    f7 = k[w + 47]!;
  const g0 = k[w + 48]!,
    g1 = k[w + 49]!,
    g2 = k[w + 50]!,
    g3 = k[w + 51]!,
    g4 = k[w + 52]!,
    g5 = k[w + 53]!,
    g6 = k[w + 54]!,
    g7 = k[w + 55]!;
  const h0 = k[w + 56]!,
    h1 = k[w + 57]!,
    h2 = k[w + 58]!,
    h3 = k[w + 59]!,
    h4 = k[w + 60]!,
    h5 = k[w + 61]!,
    h6 = k[w + 62]!,
    h7 = k[w + 63]!;
  const i0 = k[w + 64]!,
    i1 = k[w + 65]!,
    i2 = k[w + 66]!,
    i3 = k[w + 67]!,
    i4 = k[w + 68]!,
    i5 = k[w + 69]!,
    i6 = k[w + 70]!,
    i7 = k[w + 71]!;
  const top = row;
  const mid = top + paddedWidth;
  const bot = mid + paddedWidth;
  // A window sliding along the top, middle and bottom input rows: columns p q are carried over, r s
  // are read; output x sees p q r and output x + 1 sees q r s.
  let tp = src[top]!,
    tq = src[top + 1]!,
    mp = src[mid]!,
    mq = src[mid + 1]!,
    bp = src[bot]!,
    bq = src[bot + 1]!;
  for (let x = 0, j = 0; x < width; x += STEP, j += STEP * BLOCK) {
    const tr = src[top + x + 2]!,
      ts = src[top + x + 3]!;
    const mr = src[mid + x + 2]!,
      ms = src[mid + x + 3]!;
    const br = src[bot + x + 2]!,
      bs = src[bot + x + 3]!;
    acc[j] =
      acc[j]! + (a0 * tp + b0 * tq + c0 * tr) + (d0 * mp + e0 * mq + f0 * mr) + (g0 * bp + h0 * bq + i0 * br);
    acc[j + 1] =
      acc[j + 1]! +
      (a1 * tp + b1 * tq + c1 * tr) +
      (d1 * mp + e1 * mq + f1 * mr) +
      (g1 * bp + h1 * bq + i1 * br);
    acc[j + 2] =
      acc[j + 2]! +
      (a2 * tp + b2 * tq + c2 * tr) +
      (d2 * mp + e2 * mq + f2 * mr) +
      (g2 * bp + h2 * bq + i2 * br);
    acc[j + 3] =
      acc[j + 3]! +
      (a3 * tp + b3 * tq + c3 * tr) +
      (d3 * mp + e3 * mq + f3 * mr) +
      (g3 * bp + h3 * bq + i3 * br);
    acc[j + 4] =
      acc[j + 4]! +
      (a4 * tp + b4 * tq + c4 * tr) +
      (d4 * mp + e4 * mq + f4 * mr) +
      (g4 * bp + h4 * bq + i4 * br);
    acc[j + 5] =
      acc[j + 5]! +
      (a5 * tp + b5 * tq + c5 * tr) +
      (d5 * mp + e5 * mq + f5 * mr) +
      (g5 * bp + h5 * bq + i5 * br);
    acc[j + 6] =
      acc[j + 6]! +
      (a6 * tp + b6 * tq + c6 * tr) +
      (d6 * mp + e6 * mq + f6 * mr) +
      (g6 * bp + h6 * bq + i6 * br);
    acc[j + 7] =
      acc[j + 7]! +
      (a7 * tp + b7 * tq + c7 * tr) +
      (d7 * mp + e7 * mq + f7 * mr) +
      (g7 * bp + h7 * bq + i7 * br);
    acc[j + 8] =
      acc[j + 8]! +
      (a0 * tq + b0 * tr + c0 * ts) +
      (d0 * mq + e0 * mr + f0 * ms) +
      (g0 * bq + h0 * br + i0 * bs);
    acc[j + 9] =
      acc[j + 9]! +
      (a1 * tq + b1 * tr + c1 * ts) +
      (d1 * mq + e1 * mr + f1 * ms) +
      (g1 * bq + h1 * br + i1 * bs);
    acc[j + 10] =
      acc[j + 10]! +
      (a2 * tq + b2 * tr + c2 * ts) +
      (d2 * mq + e2 * mr + f2 * ms) +
      (g2 * bq + h2 * br + i2 * bs);
    acc[j + 11] =
      acc[j + 11]! +
      (a3 * tq + b3 * tr + c3 * ts) +
      (d3 * mq + e3 * mr + f3 * ms) +
      (g3 * bq + h3 * br + i3 * bs);
    acc[j + 12] =
      acc[j + 12]! +
      (a4 * tq + b4 * tr + c4 * ts) +
      (d4 * mq + e4 * mr + f4 * ms) +
      (g4 * bq + h4 * br + i4 * bs);
    acc[j + 13] =
      acc[j + 13]! +
      (a5 * tq + b5 * tr + c5 * ts) +
      (d5 * mq + e5 * mr + f5 * ms) +
      (g5 * bq + h5 * br + i5 * bs);
    acc[j + 14] =
      acc[j + 14]! +
      (a6 * tq + b6 * tr + c6 * ts) +
      (d6 * mq + e6 * mr + f6 * ms) +
      (g6 * bq + h6 * br + i6 * bs);
    acc[j + 15] =
      acc[j + 15]! +
      (a7 * tq + b7 * tr + c7 * ts) +
      (d7 * mq + e7 * mr + f7 * ms) +
      (g7 * bq + h7 * br + i7 * bs);
    tp = tr;
    tq = ts;
    mp = mr;
    mq = ms;
    bp = br;
    bq = bs;
  }
}
