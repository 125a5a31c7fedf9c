import { argError, describeValue, VdsrError } from '../errors.js';
import type { VdsrWeights } from '../weights/types.js';
import { isPositiveInt } from './args.js';

function weightsError(message: string): VdsrError {
  return new VdsrError('E_WEIGHTS', message);
}

function checkArchitecture(weights: VdsrWeights): void {
  const arch: unknown = weights.architecture;
  if (typeof arch !== 'object' || arch === null) {
    throw weightsError(`Expected weights.architecture to be an object but received ${typeof arch}`);
  }
  const { name, depth, channels, kernelSize, residual } = arch as Record<string, unknown>;
  if (name !== 'vdsr' || residual !== true) {
    throw weightsError(`Expected a residual 'vdsr' architecture but received name ${String(name)}, residual ${String(residual)}`);
  }
  if (!isPositiveInt(depth) || depth < 2) {
    throw weightsError(`Expected architecture.depth to be an integer >= 2 but received ${String(depth)}`);
  }
  if (!isPositiveInt(channels)) {
    throw weightsError(`Expected architecture.channels to be a positive integer but received ${String(channels)}`);
  }
  if (!isPositiveInt(kernelSize) || kernelSize % 2 === 0) {
    throw weightsError(`Expected architecture.kernelSize to be an odd positive integer but received ${String(kernelSize)}`);
  }
}

/**
 * Checks that hand-made or decoded weights match their architecture (layer count, channels, kernel
 * and tensor lengths) before a backend lays them out; throws E_WEIGHTS naming the first mismatch.
 */
export function assertWeights(weights: VdsrWeights): void {
  if (typeof weights !== 'object' || weights === null) throw argError('weights', 'a VdsrWeights object', weights);
  checkArchitecture(weights);
  const { depth, channels, kernelSize: k } = weights.architecture;
  const { layers } = weights;
  if (!Array.isArray(layers) || layers.length !== depth) {
    throw weightsError(
      `Expected ${depth} layers (architecture.depth) but received ${Array.isArray(layers) ? layers.length : typeof layers}`,
    );
  }
  layers.forEach((layer: VdsrWeights['layers'][number], i) => {
    const inChannels = i === 0 ? 1 : channels;
    const outChannels = i === depth - 1 ? 1 : channels;
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

