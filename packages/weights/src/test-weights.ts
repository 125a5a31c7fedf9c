import { createRandomWeights, serializeWeights, type VdsrArchitecture } from '@vdsr/core';

/** A tiny network keeps the test files small; the format does not depend on the size. */
export const TINY: VdsrArchitecture = { name: 'vdsr', depth: 3, channels: 4, kernelSize: 3, residual: true };

export const PROVENANCE = { recipe: 'test', steps: 1 };
export const METRICS = [{ dataset: 'Set5', scale: 2, method: 'vdsr' as const, psnr: 30.5, ssim: 0.9 }];

/** An fp16 weights file of random weights, as a test fixture. */
export function randomWeightsFile(seed: number): Promise<Uint8Array> {
  return serializeWeights(createRandomWeights(seed, TINY), {
    dtype: 'F16',
    provenance: PROVENANCE,
    metrics: METRICS,
  });
}
