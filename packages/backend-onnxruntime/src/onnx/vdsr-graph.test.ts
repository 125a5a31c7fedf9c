import {
  type ConvLayerWeights,
  createRandomWeights,
  VDSR_PAPER,
  type VdsrArchitecture,
  VdsrError,
  type VdsrWeights,
} from '@vdsr/core';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { handCheckedTile, handCheckedWeights } from '../hand-checked.fixture.js';
import { buildVdsrOnnxModel, VDSR_INPUT, VDSR_OUTPUT, vdsrOnnxGraph } from './vdsr-graph.js';

const tiny: VdsrArchitecture = { name: 'vdsr', depth: 2, channels: 1, kernelSize: 3, residual: true };

function expectWeightsError(weights: VdsrWeights) {
  try {
    buildVdsrOnnxModel(weights);
  } catch (error) {
    expect((error as VdsrError).code).toBe('E_WEIGHTS');
    return;
  }
  expect.fail('expected an E_WEIGHTS error');
}

describe('vdsrOnnxGraph', () => {
  it('has a Conv per layer, a Relu between layers and one Add of the input', () => {
    const graph = vdsrOnnxGraph(createRandomWeights(7));
    const ops = graph.nodes.map((n) => n.opType);
    expect(ops.filter((op) => op === 'Conv')).toHaveLength(20);
    expect(ops.filter((op) => op === 'Relu')).toHaveLength(19);
    expect(ops.slice(-2)).toEqual(['Conv', 'Add']);
    expect(graph.nodes).toHaveLength(40);
    expect(graph.nodes.at(-1)!.inputs).toEqual([VDSR_INPUT, 'conv19']);
    expect(graph.nodes.at(-1)!.outputs).toEqual([VDSR_OUTPUT]);
    expect(graph.nodes[0]!.attributes).toEqual({ kernel_shape: [3, 3], pads: [1, 1, 1, 1] });
    expect(graph.initializers).toHaveLength(40);
    expect(graph.initializers.slice(0, 4).map((t) => [t.name, t.dims])).toEqual([
      ['layers.0.weight', [64, 1, 3, 3]],
      ['layers.0.bias', [64]],
      ['layers.1.weight', [64, 64, 3, 3]],
      ['layers.1.bias', [64]],
    ]);
    expect(graph.initializers.at(-2)!.dims).toEqual([1, 64, 3, 3]);
    expect(graph.inputs).toEqual([{ name: VDSR_INPUT, shape: ['N', 1, 'H', 'W'] }]);
    expect(graph.outputs).toEqual([{ name: VDSR_OUTPUT, shape: ['N', 1, 'H', 'W'] }]);
  });

  it('pads by half the kernel for larger kernels', () => {
    const graph = vdsrOnnxGraph(
      createRandomWeights(2, { ...VDSR_PAPER, depth: 3, channels: 4, kernelSize: 5 }),
    );
    expect(graph.nodes[0]!.attributes).toEqual({ kernel_shape: [5, 5], pads: [2, 2, 2, 2] });
  });
});

describe('buildVdsrOnnxModel', () => {
  it('holds every weight once: the paper network is ~2.66 MB of float32', () => {
    const bytes = buildVdsrOnnxModel(createRandomWeights(7));
    const params = 64 * 9 + 64 + 18 * (64 * 64 * 9 + 64) + 64 * 9 + 1; // 665,217
    expect(bytes.length).toBeGreaterThan(params * 4);
    expect(bytes.length).toBeLessThan(params * 4 + 8_000);
  });

  it('loads in onnxruntime with dynamic batch, height and width', async () => {
    const session = await ort.InferenceSession.create(buildVdsrOnnxModel(createRandomWeights(7)));
    expect(session.inputNames).toEqual([VDSR_INPUT]);
    expect(session.outputNames).toEqual([VDSR_OUTPUT]);
    for (const [n, h, w] of [
      [1, 7, 5],
      [2, 16, 24],
    ] as const) {
      const input = new ort.Tensor('float32', new Float32Array(n * h * w).fill(0.5), [n, 1, h, w]);
      const out = (await session.run({ [VDSR_INPUT]: input }))[VDSR_OUTPUT]!;
      expect(out.dims).toEqual([n, 1, h, w]);
      // The random network's residual is visible but small next to the input.
      const data = out.data as Float32Array;
      expect(data.every(Number.isFinite)).toBe(true);
      expect(data.some((v) => Math.abs(v - 0.5) > 1e-4)).toBe(true);
    }
    await session.release();
  });

  it('computes the hand-checked tiny network', async () => {
    const session = await ort.InferenceSession.create(buildVdsrOnnxModel(handCheckedWeights()));
    const { y, width, height, expected } = handCheckedTile;
    const out = (await session.run({ [VDSR_INPUT]: new ort.Tensor('float32', y, [1, 1, height, width]) }))[
      VDSR_OUTPUT
    ]!;
    Array.from(out.data as Float32Array).forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i]!, 6);
    });
    await session.release();
  });

  it('rejects weights that do not match their architecture with E_WEIGHTS, before encoding', () => {
    const good = createRandomWeights(3, { ...tiny, depth: 3, channels: 4 });
    const [l0, l1, l2] = good.layers as [ConvLayerWeights, ConvLayerWeights, ConvLayerWeights];
    expectWeightsError({ ...good, layers: [l0, l2] });
    expectWeightsError({ ...good, layers: [l0, l0, l2] });
    expectWeightsError({ ...good, layers: [l0, { ...l1, weight: new Float32Array(10) }, l2] });
    expect(() => buildVdsrOnnxModel(undefined as never)).toThrow(VdsrError);
  });
});
