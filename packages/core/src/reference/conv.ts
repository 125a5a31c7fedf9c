import { BLOCK, type PackedLayer } from './pack.js';

/**
 * Adds output row `y` of one block of a 3x3 convolution to `acc` (BLOCK rows of `width` doubles that
 * already hold the bias). `src` holds `inChannels` planes of (width + 2) x (height + 2) floats whose
 * one-pixel border is zero, so the zero padding costs no test in this loop. Sums stay in doubles and
 * are rounded to float32 once per layer, which is what makes this backend the yardstick.
 */
function accumulateRow(
  src: Float32Array,
  layer: PackedLayer,
  block: number,
  width: number,
  height: number,
  y: number,
  acc: Float64Array,
): void {
  const { inChannels, weights: k } = layer;
  const paddedWidth = width + 2;
  const plane = paddedWidth * (height + 2);
  for (let ic = 0; ic < inChannels; ic++) {
    for (let ky = 0; ky < 3; ky++) {
      const r = ic * plane + (y + ky) * paddedWidth;
      const w = ((block * inChannels + ic) * 9 + ky * 3) * BLOCK;
      const a0 = k[w]!,
        a1 = k[w + 1]!,
        a2 = k[w + 2]!,
        a3 = k[w + 3]!;
      const a4 = k[w + 4]!,
        a5 = k[w + 5]!,
        a6 = k[w + 6]!,
        a7 = k[w + 7]!;
      const b0 = k[w + 8]!,
        b1 = k[w + 9]!,
        b2 = k[w + 10]!,
        b3 = k[w + 11]!;
      const b4 = k[w + 12]!,
        b5 = k[w + 13]!,
        b6 = k[w + 14]!,
        b7 = k[w + 15]!;
      const c0 = k[w + 16]!,
        c1 = k[w + 17]!,
        c2 = k[w + 18]!,
        c3 = k[w + 19]!;
      const c4 = k[w + 20]!,
        c5 = k[w + 21]!,
        c6 = k[w + 22]!,
        c7 = k[w + 23]!;
      let left = src[r]!;
      let mid = src[r + 1]!;
      for (let x = 0; x < width; x++) {
        const right = src[r + x + 2]!;
        acc[x]! += a0 * left + b0 * mid + c0 * right;
        acc[width + x]! += a1 * left + b1 * mid + c1 * right;
        acc[2 * width + x]! += a2 * left + b2 * mid + c2 * right;
        acc[3 * width + x]! += a3 * left + b3 * mid + c3 * right;
        acc[4 * width + x]! += a4 * left + b4 * mid + c4 * right;
        acc[5 * width + x]! += a5 * left + b5 * mid + c5 * right;
        acc[6 * width + x]! += a6 * left + b6 * mid + c6 * right;
        acc[7 * width + x]! += a7 * left + b7 * mid + c7 * right;
        left = mid;
        mid = right;
      }
    }
  }
}

/** Receives finished rows: `acc` holds `count` (<= BLOCK) output channels from `channel` on, row `y`. */
export type RowSink = (acc: Float64Array, channel: number, count: number, y: number) => void;

/** One whole layer, row by row and block by block; `acc` must hold BLOCK x width doubles. */
export function convolve(
  src: Float32Array,
  layer: PackedLayer,
  width: number,
  height: number,
  acc: Float64Array,
  sink: RowSink,
): void {
  const { blocks, bias, outChannels } = layer;
  for (let block = 0; block < blocks; block++) {
    const channel = block * BLOCK;
    const count = Math.min(BLOCK, outChannels - channel);
    for (let y = 0; y < height; y++) {
      for (let lane = 0; lane < BLOCK; lane++)
        acc.fill(bias[channel + lane]!, lane * width, (lane + 1) * width);
      accumulateRow(src, layer, block, width, height, y, acc);
      sink(acc, channel, count, y);
    }
  }
}
