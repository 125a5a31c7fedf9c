import { argError, describeValue } from '../errors.js';
import { describeGraph } from '../graph/describe.js';
import { validateArchitecture } from '../graph/validate.js';
import { weightsError } from '../weights/error.js';
import type { VdsrWeights } from '../weights/types.js';

/**
 * Checks that hand-made or decoded weights match their architecture (layer count, channels, kernel
 * and tensor lengths) before a backend lays them out; throws E_WEIGHTS naming the first mismatch.
 */
export function assertWeights(weights: VdsrWeights): void {
  if (typeof weights !== 'object' || weights === null)
    throw argError('weights', 'a VdsrWeights object', weights);
  let architecture: VdsrWeights['architecture'];
  try {
    architecture = validateArchitecture(weights.architecture, 'weights.architecture');
  } catch (error) {
    throw weightsError((error as Error).message, error);
  }
  const expected = describeGraph(architecture).layers;
  const { layers } = weights;
  if (!Array.isArray(layers) || layers.length !== expected.length) {
    throw weightsError(
      `Expected ${expected.length} layers (architecture.depth) but received ${Array.isArray(layers) ? layers.length : describeValue(layers)}`,
    );
  }
  expected.forEach(({ index: i, inChannels, outChannels, kernelSize: k }) => {
    const layer: Partial<VdsrWeights['layers'][number]> | undefined = layers[i];
    if (layer?.inChannels !== inChannels || layer.outChannels !== outChannels || layer.kernelSize !== k) {
      throw weightsError(
        `Expected layer ${i} to be ${inChannels} -> ${outChannels} channels with a ${k}x${k} kernel but received ` +
          `${layer?.inChannels} -> ${layer?.outChannels} with ${layer?.kernelSize}x${layer?.kernelSize}`,
      );
    }
    const weightLength = outChannels * inChannels * k * k;
    if (!(layer.weight instanceof Float32Array) || layer.weight.length !== weightLength) {
      throw weightsError(
        `Expected layer ${i} weight to be a Float32Array of length ${weightLength} but received ${describeValue(layer.weight)}`,
      );
    }
    if (!(layer.bias instanceof Float32Array) || layer.bias.length !== outChannels) {
      throw weightsError(
        `Expected layer ${i} bias to be a Float32Array of length ${outChannels} but received ${describeValue(layer.bias)}`,
      );
    }
  });
}
