import { accumulateChannel, span } from './kernel.js';
import { BLOCK, type PackedLayer } from './pack.js';

/**
 * Receives finished rows: `acc` holds row `y` as [x][lane] for BLOCK lanes, of which `count` are the
 * output channels from `channel` on.
 */
export type RowSink = (acc: Float64Array, channel: number, count: number, y: number) => void;

/**
 * One whole layer. Rows outside, blocks inside: the three input rows of every channel are then read
 * once from memory and stay in cache for all blocks. `acc` must hold BLOCK x span(width) doubles.
 */
export function convolve(
  src: Float32Array,
  layer: PackedLayer,
  width: number,
  height: number,
  acc: Float64Array,
  sink: RowSink,
): void {
  const { blocks, bias, inChannels, outChannels, weights } = layer;
  const paddedWidth = width + 2;
  const plane = paddedWidth * (height + 2);
  const slots = BLOCK * span(width);
  for (let y = 0; y < height; y++) {
    for (let block = 0; block < blocks; block++) {
      for (let j = 0; j < slots; j++) acc[j] = bias[block * BLOCK + (j % BLOCK)]!;
      for (let ic = 0; ic < inChannels; ic++) {
        const w = (block * inChannels + ic) * 9 * BLOCK;
        accumulateChannel(src, ic * plane + y * paddedWidth, paddedWidth, width, weights, w, acc);
      }
      const channel = block * BLOCK;
      sink(acc, channel, Math.min(BLOCK, outChannels - channel), y);
    }
  }
}
