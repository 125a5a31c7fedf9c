import type { ConvLayerWeights } from '@vdsr/core/backend';

/** Channels rounded up to whole vec4 groups; the extra channels carry zero weights and bias. */
export const groupsOf = (channels: number) => Math.ceil(channels / 4);

/** PyTorch's [out][in][ky][kx] weight at (out, in, tap), or 0 for a padding channel. */
function weightAt(layer: ConvLayerWeights, out: number, input: number, tap: number): number {
  if (out >= layer.outChannels || input >= layer.inChannels) return 0;
  return layer.weight[(out * layer.inChannels + input) * 9 + tap]!;
}

/** Bias as vec4 groups, zero-padded. */
export function packBias(layer: ConvLayerWeights): Float32Array {
  const packed = new Float32Array(groupsOf(layer.outChannels) * 4);
  packed.set(layer.bias);
  return packed;
}

/**
 * The first layer (1 -> C, `over` 'out') or the last (C -> 1, `over` 'in'): [group][tap] vec4 of 4
 * of its C channels.
 */
export function packTaps(layer: ConvLayerWeights, over: 'in' | 'out'): Float32Array {
  const groups = groupsOf(over === 'out' ? layer.outChannels : layer.inChannels);
  const packed = new Float32Array(groups * 9 * 4);
  for (let g = 0; g < groups; g++) {
    for (let tap = 0; tap < 9; tap++) {
      for (let lane = 0; lane < 4; lane++) {
        const c = g * 4 + lane;
        packed[(g * 9 + tap) * 4 + lane] =
          over === 'out' ? weightAt(layer, c, 0, tap) : weightAt(layer, 0, c, tap);
      }
    }
  }
  return packed;
}

/**
 * Hidden layer (C -> C) as mat4x4 [outBlock][inGroup][tap][outGroup], column-major as WGSL stores
 * it: column j holds input channel j's weights for the 4 output channels of the group.
 */
export function packHidden(layer: ConvLayerWeights, outGroups: number): Float32Array {
  const inGroups = groupsOf(layer.inChannels);
  const blocks = groupsOf(layer.outChannels) / outGroups;
  const packed = new Float32Array(blocks * inGroups * 9 * outGroups * 16);
  let at = 0;
  for (let block = 0; block < blocks; block++) {
    for (let ig = 0; ig < inGroups; ig++) {
      for (let tap = 0; tap < 9; tap++) {
        for (let o = 0; o < outGroups; o++) {
          const out = (block * outGroups + o) * 4;
          for (let column = 0; column < 4; column++) {
            for (let row = 0; row < 4; row++) packed[at++] = weightAt(layer, out + row, ig * 4 + column, tap);
          }
        }
      }
    }
  }
  return packed;
}
