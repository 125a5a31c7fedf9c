import type { VdsrWeights } from '@vdsr/core/backend';
import type { Tf, TfTensor } from './tf.js';

interface TfjsLayer {
  readonly filter: TfTensor;
  readonly bias: TfTensor;
  readonly relu: boolean;
}

/** A [out][in][k][k] kernel (PyTorch's layout, the weights file's) as tfjs's [k][k][in][out]. */
export function toHwio(
  weight: Float32Array,
  inChannels: number,
  outChannels: number,
  k: number,
): Float32Array {
  const hwio = new Float32Array(weight.length);
  for (let o = 0; o < outChannels; o++) {
    for (let i = 0; i < inChannels; i++) {
      for (let ky = 0; ky < k; ky++) {
        for (let kx = 0; kx < k; kx++) {
          hwio[((ky * k + kx) * inChannels + i) * outChannels + o] =
            weight[((o * inChannels + i) * k + ky) * k + kx]!;
        }
      }
    }
  }
  return hwio;
}

/**
 * The VDSR network as tfjs tensors on the active tfjs backend: weights uploaded once, then applied to
 * any number of tiles. Each layer is one fused conv2d (3x3, stride 1, 'same' zero padding, bias and
 * ReLU in the same kernel where the backend fuses them), then the input is added back.
 */
export class TfjsVdsrGraph {
  private constructor(
    private readonly tf: Tf,
    private readonly layers: readonly TfjsLayer[],
  ) {}

  /** Uploads `weights` (already checked against their architecture) to the active tfjs backend. */
  static upload(tf: Tf, weights: VdsrWeights): TfjsVdsrGraph {
    const last = weights.layers.length - 1;
    const layers: TfjsLayer[] = [];
    try {
      weights.layers.forEach(({ inChannels, outChannels, kernelSize: k, weight, bias }, index) => {
        const filter = tf.tensor4d(toHwio(weight, inChannels, outChannels, k), [
          k,
          k,
          inChannels,
          outChannels,
        ]);
        layers.push({ filter, bias: tf.tensor1d(bias), relu: index !== last });
      });
    } catch (error) {
      // What was uploaded before the failure would otherwise stay on the device.
      for (const { filter, bias } of layers) {
        filter.dispose();
        bias.dispose();
      }
      throw error;
    }
    return new TfjsVdsrGraph(tf, layers);
  }

  /** The network's output for a [1, height, width, 1] luma tile; every intermediate tensor is freed. */
  apply(y: TfTensor): TfTensor {
    return this.tf.tidy(() => {
      let x = y;
      for (const { filter, bias, relu } of this.layers) {
        x = this.tf.fused.conv2d({
          x,
          filter,
          bias,
          strides: 1,
          pad: 'same',
          activation: relu ? 'relu' : 'linear',
        });
      }
      return this.tf.add(y, x);
    });
  }

  dispose(): void {
    for (const { filter, bias } of this.layers) {
      filter.dispose();
      bias.dispose();
    }
  }
}
