import { describe, expect, it } from 'vitest';
import { createRandomWeights } from '../weights/random.js';
import { VDSR_PAPER } from './architecture.js';
import { describeGraph } from './describe.js';

describe('describeGraph', () => {
  it("describes the paper's network: 20 convs, 665,921 parameters, 41 x 41 receptive field", () => {
    const g = describeGraph();
    expect(g.architecture).toEqual(VDSR_PAPER);
    expect(g.layers).toHaveLength(20);
    expect(g.parameters).toBe(665_921);
    expect(g.receptiveField).toBe(41);
    expect(g.receptiveRadius).toBe(20);
    expect(g.residual).toEqual({ op: 'add', afterLayer: 19 });
    expect(g.layers[0]).toEqual({
      index: 0,
      op: 'conv',
      inChannels: 1,
      outChannels: 64,
      kernelSize: 3,
      padding: 1,
      activation: 'relu',
      parameters: 640,
      flopsPerPixel: 1152,
    });
    expect(g.layers[19]).toMatchObject({
      inChannels: 64,
      outChannels: 1,
      activation: 'none',
      parameters: 577,
    });
    expect(g.layers.slice(1, 19).every((l) => l.inChannels === 64 && l.outChannels === 64)).toBe(true);
  });

  it('counts parameters as the weight tensors hold them and FLOPs as 2 per multiply-accumulate', () => {
    for (const arch of [VDSR_PAPER, { ...VDSR_PAPER, depth: 5, channels: 8, kernelSize: 5 }]) {
      const g = describeGraph(arch);
      const w = createRandomWeights(1, arch);
      const stored = w.layers.reduce((s, l) => s + l.weight.length + l.bias.length, 0);
      expect(g.parameters).toBe(stored);
      const macs = w.layers.reduce((s, l) => s + l.weight.length, 0);
      expect(g.flopsPerPixel).toBe(2 * macs);
    }
  });

  it('grows the receptive field by k - 1 per layer', () => {
    const g = describeGraph({ ...VDSR_PAPER, depth: 3, kernelSize: 5 });
    expect(g.receptiveRadius).toBe(6);
    expect(g.receptiveField).toBe(13);
    expect(g.layers.map((l) => l.padding)).toEqual([2, 2, 2]);
  });

  it('validates the architecture', () => {
    expect(() => describeGraph({ ...VDSR_PAPER, channels: -1 })).toThrow(
      expect.objectContaining({ code: 'E_ARG', message: expect.stringContaining('architecture.channels') }),
    );
  });
});
