import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VDSR_PAPER } from '@vdsr/core';
import { describe, expect, it } from 'vitest';
import { hasWeights, loadWeights, weightsPath, weightsUrl } from './index.js';

describe('@vdsr/weights (Node)', () => {
  it('points at weights/vdsr.safetensors in the package', () => {
    expect(isAbsolute(weightsPath)).toBe(true);
    expect(weightsPath.endsWith(join('packages', 'weights', 'weights', 'vdsr.safetensors'))).toBe(true);
    expect(weightsUrl.href).toBe(pathToFileURL(weightsPath).href);
  });

  it('reports the release file as installed', async () => {
    expect(await hasWeights()).toBe(true);
  });

  it('the release file is fp16 VDSR weights with provenance and a metrics table', async () => {
    const weights = await loadWeights();
    expect(weights.dtype).toBe('F16');
    expect(weights.architecture).toEqual(VDSR_PAPER);
    expect(weights.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(weights.metadata.provenance).length).toBeGreaterThan(0);
    expect(weights.metadata.metrics.length).toBeGreaterThan(0);
    for (const row of weights.metadata.metrics) {
      expect(row.dataset).toEqual(expect.any(String));
      expect([2, 3, 4]).toContain(row.scale);
      expect(['bicubic', 'vdsr', 'ensemble']).toContain(row.method);
      expect(Number.isFinite(row.psnr)).toBe(true);
      expect(row.ssim).toBeGreaterThan(0);
      expect(row.ssim).toBeLessThanOrEqual(1);
    }
    expect(weights.metadata.metrics.some((row) => row.method === 'vdsr')).toBe(true);
  });

  it("has an ensemble row (all 8 transforms) beside each of the file's vdsr rows", async () => {
    const { metrics } = (await loadWeights()).metadata;
    const key = (row: { dataset: string; scale: number }) => `${row.dataset} x${row.scale}`;
    const ensembles = metrics.filter((row) => row.method === 'ensemble');
    expect(ensembles.map(key)).toEqual(metrics.filter((row) => row.method === 'vdsr').map(key));
    for (const row of ensembles) expect(row.transforms).toBe(8);
  });
});
