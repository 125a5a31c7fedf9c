import { describe, expect, it } from 'vitest';
import { VDSR_PAPER } from '../graph/architecture.js';
import { decodeContainer } from './container.js';
import { decodeFloat16, encodeFloat16 } from './float16.js';
import { parseWeights } from './parse.js';
import { createRandomWeights } from './random.js';
import { serializeWeights } from './serialize.js';
import { sha256Hex } from './sha256.js';
import type { MetricsRow } from './types.js';

const TINY = { ...VDSR_PAPER, depth: 3, channels: 2 };
const METRICS: MetricsRow[] = [
  { dataset: 'Set5', scale: 2, method: 'bicubic', psnr: 33.66, ssim: 0.9299 },
  { dataset: 'Set5', scale: 2, method: 'vdsr', psnr: 37.53, ssim: 0.9587 },
  { dataset: 'Set5', scale: 2, method: 'ensemble', psnr: 37.7, ssim: 0.96, transforms: 8 },
];

describe('serializeWeights + parseWeights', () => {
  it('round-trips the paper network in F32 exactly, with its metadata', async () => {
    const weights = createRandomWeights(11);
    const provenance = { recipe: 'paper', steps: 1000, data: { bsds: 400 } };
    const file = await serializeWeights(weights, { dtype: 'F32', provenance, metrics: METRICS });
    expect(file.length).toBeGreaterThan(665_921 * 4);
    const parsed = await parseWeights(file);
    expect(parsed.architecture).toEqual(weights.architecture);
    expect(parsed.layers).toEqual(weights.layers);
    expect(parsed.dtype).toBe('F32');
    expect(parsed.metadata.provenance).toEqual(provenance);
    expect(parsed.metadata.metrics).toEqual(METRICS);
    expect(parsed.contentHash).toBe(await sha256Hex(decodeContainer(file).data));
    expect(parsed.metadata.raw).toEqual({
      format: 'vdsr-weights/1',
      architecture: '{"name":"vdsr","depth":20,"channels":64,"kernelSize":3,"residual":true}',
      content_sha256: parsed.contentHash,
      provenance: JSON.stringify(provenance),
      metrics: JSON.stringify(METRICS),
    });
  });

  it('round-trips F16: every value rounded to the nearest float16 and nothing else', async () => {
    const weights = createRandomWeights(12, TINY);
    const parsed = await parseWeights(await serializeWeights(weights, { dtype: 'F16' }));
    expect(parsed.dtype).toBe('F16');
    parsed.layers.forEach((layer, i) => {
      const source = weights.layers[i]!;
      expect([layer.inChannels, layer.outChannels, layer.kernelSize]).toEqual([
        source.inChannels,
        source.outChannels,
        source.kernelSize,
      ]);
      expect([...layer.weight]).toEqual([...source.weight].map((v) => decodeFloat16(encodeFloat16(v))));
      expect([...layer.bias]).toEqual([...source.bias].map((v) => decodeFloat16(encodeFloat16(v))));
      for (const [j, v] of source.weight.entries()) {
        expect(Math.abs(layer.weight[j]! - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 2 ** -25);
      }
    });
    const f16 = parsed.layers;
    const again = await parseWeights(
      await serializeWeights({ architecture: TINY, layers: f16 }, { dtype: 'F16' }),
    );
    expect(again.layers).toEqual(f16);
  });

  it('writes a plain safetensors layout: tensors in layer order, contiguous, data 8-aligned', async () => {
    const file = await serializeWeights(createRandomWeights(13, TINY), { dtype: 'F16' });
    const headerLength = Number(new DataView(file.buffer).getBigUint64(0, true));
    expect((8 + headerLength) % 8).toBe(0);
    const { header, data } = decodeContainer(file);
    const names = Object.keys(header).filter((k) => k !== '__metadata__');
    expect(names).toEqual([
      'layers.0.weight',
      'layers.0.bias',
      'layers.1.weight',
      'layers.1.bias',
      'layers.2.weight',
      'layers.2.bias',
    ]);
    expect(header['layers.1.weight']).toEqual({ dtype: 'F16', shape: [2, 2, 3, 3], data_offsets: [40, 112] });
    expect(data.length).toBe(77 * 2);
    expect(header.__metadata__).not.toHaveProperty('provenance');
  });

  it('is deterministic', async () => {
    const w = createRandomWeights(14, TINY);
    const a = await serializeWeights(w, { dtype: 'F32', metrics: METRICS });
    const b = await serializeWeights(w, { dtype: 'F32', metrics: METRICS });
    expect(a).toEqual(b);
  });

  it('stores values in [65504, 65520) as 65504 in F16', async () => {
    const w = createRandomWeights(15, TINY);
    const layers = w.layers.map((l) => ({ ...l, bias: l.bias.map(() => 65519) }));
    const parsed = await parseWeights(
      await serializeWeights({ architecture: TINY, layers }, { dtype: 'F16' }),
    );
    expect([...parsed.layers[0]!.bias]).toEqual([65504, 65504]);
  });
});

describe('serializeWeights validation', () => {
  const w = createRandomWeights(16, TINY);

  async function argFailure(promise: Promise<unknown>, message: RegExp): Promise<void> {
    await expect(promise).rejects.toThrow(
      expect.objectContaining({ code: 'E_ARG', message: expect.stringMatching(message) }),
    );
  }

  it('checks options', async () => {
    await argFailure(
      serializeWeights(w, { dtype: 'F64' as never }),
      /'F32' or 'F16' for options.dtype but received string 'F64'/,
    );
    await argFailure(serializeWeights(w, undefined as never), /options but received undefined/);
    await argFailure(
      serializeWeights(w, { dtype: 'F32', provenance: [] as never }),
      /JSON object for options.provenance/,
    );
    await argFailure(
      serializeWeights(w, { dtype: 'F32', metrics: [{ ...METRICS[0]!, ssim: 2 }] }),
      /number in -1..1 for options.metrics\[0\].ssim but received number 2/,
    );
    await argFailure(
      serializeWeights(w, { dtype: 'F32', metrics: [{ ...METRICS[0]!, psnr: Number.POSITIVE_INFINITY }] }),
      /options.metrics\[0\].psnr/,
    );
    await expect(
      serializeWeights(w, { dtype: 'F32', metrics: [{ ...METRICS[2]!, transforms: 3 as never }] }),
    ).rejects.toThrow(
      /Expected 2, 4 or 8 on an ensemble row for options.metrics\[0\].transforms but received number 3/,
    );
    await expect(
      serializeWeights(w, { dtype: 'F32', metrics: [{ ...METRICS[1]!, transforms: 8 }] }),
    ).rejects.toThrow(/Expected nothing on a vdsr row for options.metrics\[0\].transforms/);
  });

  it('checks the architecture and the layers against it', async () => {
    await argFailure(serializeWeights(null as never, { dtype: 'F32' }), /for weights but received null/);
    await argFailure(
      serializeWeights({ ...w, architecture: { ...TINY, depth: 0 } }, { dtype: 'F32' }),
      /weights.architecture.depth/,
    );
    await argFailure(
      serializeWeights({ ...w, layers: w.layers.slice(1) }, { dtype: 'F32' }),
      /array of 3 layers \(architecture.depth\) for weights.layers but received array of length 2/,
    );
    const swapped = [w.layers[1]!, w.layers[0]!, w.layers[2]!];
    await argFailure(
      serializeWeights({ ...w, layers: swapped }, { dtype: 'F32' }),
      /weights.layers\[0\] to be 1 -> 2 channels with a 3x3 kernel but received 2 -> 2 with 3x3/,
    );
    const short = w.layers.map((l, i) => (i === 1 ? { ...l, bias: new Float32Array(1) } : l));
    await argFailure(
      serializeWeights({ ...w, layers: short }, { dtype: 'F32' }),
      /Float32Array of length 2 \(shape \[2\]\) for weights.layers\[1\].bias but received Float32Array of length 1/,
    );
  });

  it('refuses non-finite values, and values float16 cannot hold when writing F16', async () => {
    const nan = w.layers.map((l, i) =>
      i === 2 ? { ...l, weight: l.weight.map((v, j) => (j === 4 ? Number.NaN : v)) } : l,
    );
    await argFailure(
      serializeWeights({ ...w, layers: nan }, { dtype: 'F32' }),
      /finite values in weights.layers\[2\].weight but received NaN at index 4/,
    );
    const big = w.layers.map((l, i) => (i === 0 ? { ...l, bias: Float32Array.of(0, -70000) } : l));
    await argFailure(
      serializeWeights({ ...w, layers: big }, { dtype: 'F16' }),
      /float16's range .* received -70000 at index 1; write F32 instead/,
    );
    await expect(serializeWeights({ ...w, layers: big }, { dtype: 'F32' })).resolves.toBeInstanceOf(
      Uint8Array,
    );
  });
});
