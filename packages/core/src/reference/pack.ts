import type { ConvLayerWeights } from '../weights/types.js';

/** Output channels computed together: eight accumulator rows keep the hot loop's loads per FMA low. */
export const BLOCK = 8;

/** A 3x3 layer laid out for the kernel; output channels are zero-padded to a multiple of BLOCK. */
export interface PackedLayer {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly blocks: number;
  /** [block][in][ky][kx][BLOCK]: the BLOCK weights of one tap sit side by side. */
  readonly weights: Float64Array;
  /** [block][BLOCK] */
  readonly bias: Float64Array;
}

/** Re-lays out one layer from PyTorch's [out][in][ky][kx] (done once per session). */
export function packLayer(layer: ConvLayerWeights): PackedLayer {
  const { inChannels, outChannels, weight, bias } = layer;
  const blocks = Math.ceil(outChannels / BLOCK);
  const packed = new Float64Array(blocks * inChannels * 9 * BLOCK);
  const packedBias = new Float64Array(blocks * BLOCK);
  for (let o = 0; o < outChannels; o++) {
    const block = Math.floor(o / BLOCK);
    const lane = o % BLOCK;
    packedBias[o] = bias[o]!;
    for (let i = 0; i < inChannels; i++) {
      for (let tap = 0; tap < 9; tap++) {
        packed[((block * inChannels + i) * 9 + tap) * BLOCK + lane] = weight[(o * inChannels + i) * 9 + tap]!;
      }
    }
  }
  return { inChannels, outChannels, blocks, weights: packed, bias: packedBias };
}
