import { VDSR_PAPER, type VdsrArchitecture } from '../graph/architecture.js';
import type { ConvLayerWeights, VdsrWeights } from './types.js';

/** mulberry32: a tiny seeded generator, so tests and benchmarks see the same weights everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random weights of the right shapes for tests and benchmarks (never for users). He-uniform scaled
 * by `gain` so activations neither vanish nor explode through 20 layers and the residual is visible.
 */
export function createRandomWeights(
  seed: number,
  architecture: VdsrArchitecture = VDSR_PAPER,
  gain = 0.9,
): VdsrWeights {
  const rand = seededRandom(seed);
  const { depth, channels, kernelSize: k } = architecture;
  const layers: ConvLayerWeights[] = [];
  for (let i = 0; i < depth; i++) {
    const inChannels = i === 0 ? 1 : channels;
    const outChannels = i === depth - 1 ? 1 : channels;
    const bound = gain * Math.sqrt(6 / (inChannels * k * k));
    const weight = new Float32Array(outChannels * inChannels * k * k);
    for (let j = 0; j < weight.length; j++) weight[j] = (rand() * 2 - 1) * bound;
    const bias = new Float32Array(outChannels);
    for (let j = 0; j < bias.length; j++) bias[j] = (rand() * 2 - 1) * 0.01;
    layers.push({ inChannels, outChannels, kernelSize: k, weight, bias });
  }
  return {
    architecture,
    layers,
    dtype: 'F32',
    contentHash: '',
    metadata: { provenance: { source: 'createRandomWeights', seed }, metrics: [], raw: {} },
  };
}
