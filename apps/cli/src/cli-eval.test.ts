import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS_DIR, makeTempDir, rawImage, runCli, writeRandomWeights } from './test-support/harness.js';

interface Row {
  dataset: string;
  scale: number;
  method: string;
  psnr: number;
  ssim: number;
  images: { name: string; psnr: number; ssim: number }[];
}

let dir: string;
let remove: () => Promise<void>;
let folder: string;

beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
  folder = join(dir, 'Synth');
  await mkdir(folder);
  // 'odd' is 50 x 47: modcrop must cut it to 48 x 45 at x3; 'crop' is that cut made beforehand.
  await rawImage(50, 47, 3, 30, 2).png().toFile(join(folder, 'odd.png'));
  await rawImage(50, 47, 3, 30, 2)
    .extract({ left: 0, top: 0, width: 48, height: 45 })
    .png()
    .toFile(join(folder, 'crop.png'));
  await rawImage(48, 48, 3, 0).png().toFile(join(folder, 'smooth.png'));
  await rawImage(48, 48, 3, 200).png().toFile(join(folder, 'noisy.png'));
  await rawImage(48, 48, 1, 60, 3).png().toFile(join(folder, 'grey.png'));
});
afterAll(() => remove());

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe('vdsr eval --bicubic-only', () => {
  it('prints one row per scale with per-image scores and their means', async () => {
    const result = await runCli(['eval', folder, '--scale', '2,3', '--bicubic-only', '--json'], dir);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    expect(rows.map((r) => [r.dataset, r.scale, r.method])).toEqual([
      ['Synth', 2, 'bicubic'],
      ['Synth', 3, 'bicubic'],
    ]);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['dataset', 'images', 'method', 'psnr', 'scale', 'ssim']);
      expect(row.images.map((i) => i.name)).toEqual(['crop', 'grey', 'noisy', 'odd', 'smooth']);
      expect(row.psnr).toBeCloseTo(mean(row.images.map((i) => i.psnr)), 10);
      expect(row.ssim).toBeCloseTo(mean(row.images.map((i) => i.ssim)), 10);
      const score = (name: string) => row.images.find((i) => i.name === name)!;
      for (const image of row.images) expect(image.ssim).toBeGreaterThan(0);
      for (const image of row.images) expect(image.ssim).toBeLessThanOrEqual(1);
      // Modcrop: an image and its pre-cropped copy score the same.
      if (row.scale === 3) expect(score('odd')).toEqual({ ...score('crop'), name: 'odd' });
      expect(score('smooth').psnr).toBeGreaterThan(score('noisy').psnr + 10);
    }
  });

  it("measures a grey image on its own values, not on rgb2ycbcr's compressed range", async () => {
    // The same content as Synth/grey.png, stored as RGB with R = G = B.
    const rgbDir = join(dir, 'RGB');
    await mkdir(rgbDir);
    await rawImage(48, 48, 1, 60, 3).toColourspace('srgb').png().toFile(join(rgbDir, 'grey.png'));
    const asGrey = JSON.parse(
      (await runCli(['eval', folder, '--scale', '2', '--bicubic-only', '--json'], dir)).stdout,
    );
    const asRgb = JSON.parse(
      (await runCli(['eval', rgbDir, '--scale', '2', '--bicubic-only', '--json'], dir)).stdout,
    );
    const grey = (asGrey as Row[])[0]!.images.find((i) => i.name === 'grey')!.psnr;
    const rgb = (asRgb as Row[])[0]!.images[0]!.psnr;
    // rgb2ycbcr maps 0..255 to 16..235, shrinking every error by 219/255: 1.32 dB (rounding blurs it a little).
    expect(rgb - grey).toBeCloseTo(20 * Math.log10(255 / 219), 1);
  });

  it('prints per-image tables and a summary as text', async () => {
    const result = await runCli(['eval', folder, '--scale', '2', '--bicubic-only'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Synth x2 (5 images)');
    expect(result.stdout).toMatch(/^mean\s+\d+\.\d\d\s+\d\.\d{4}$/m);
    expect(result.stdout).toMatch(/^Synth\s+x2\s+\d+\.\d\d\s+\d\.\d{4}$/m);
  });

  it('exits 2 without --scale or past 8x with VDSR, and 1 for a folder that does not exist', async () => {
    const usage = await runCli(['eval', folder, '--bicubic-only'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: vdsr eval');
    const tooFar = await runCli(['eval', folder, '--scale', '2,9'], dir);
    expect(tooFar.code).toBe(2);
    expect(tooFar.stderr).toContain("Expected a whole number from 2 to 8 for --scale but received '9'");
    const missing = await runCli(['eval', join(dir, 'nowhere'), '--scale', '2', '--bicubic-only'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere');
  });
});

describe('vdsr eval with VDSR', () => {
  it('adds a vdsr row after each bicubic row', async () => {
    const weights = await writeRandomWeights(join(dir, 'tiny.safetensors'));
    const args = ['eval', folder, '--scale', '2', '--json', '--weights', weights, '--backend', 'reference'];
    const result = await runCli(args, dir);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    expect(rows.map((r) => r.method)).toEqual(['bicubic', 'vdsr']);
    expect(rows[1]!.images.map((i) => i.name)).toEqual(rows[0]!.images.map((i) => i.name));
    // Random weights add a residual, so VDSR differs from bicubic.
    expect(rows[1]!.psnr).not.toBe(rows[0]!.psnr);
  });
});

describe('vdsr eval --ensemble', () => {
  it('adds an ensemble row after each vdsr row, with the seconds of both', async () => {
    const weights = await writeRandomWeights(join(dir, 'tiny-ensemble.safetensors'));
    const common = ['eval', folder, '--scale', '2', '--weights', weights, '--backend', 'reference'];
    const plain = JSON.parse((await runCli([...common, '--json'], dir)).stdout) as Row[];
    const result = await runCli([...common, '--ensemble', '2', '--json'], dir);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as (Row & { seconds?: number; transforms?: number })[];
    expect(rows.map((r) => [r.method, r.transforms])).toEqual([
      ['bicubic', undefined],
      ['vdsr', undefined],
      ['ensemble', 2],
    ]);
    // The plain row is the one measured without --ensemble; the ensemble's differs.
    expect(rows[1]!.images).toEqual(plain[1]!.images);
    expect(rows[2]!.psnr).not.toBe(rows[1]!.psnr);
    for (const row of rows.slice(1)) expect(row.seconds).toBeGreaterThan(0);
  });

  it('exits 2 for a count other than 1, 2, 4 or 8, or with --bicubic-only', async () => {
    const three = await runCli(['eval', folder, '--scale', '2', '--ensemble', '3'], dir);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain("Expected one of 1, 2, 4, 8 for --ensemble but received '3'");
    const both = await runCli(['eval', folder, '--scale', '2', '--ensemble', '--bicubic-only'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Expected --ensemble or --bicubic-only, not both');
  });
});

const SET5 = join(DATASETS_DIR, 'benchmark', 'Set5');

describe.skipIf(!existsSync(SET5))(`the published bicubic row on Set5 (needs ${SET5})`, () => {
  it('is reproduced within 0.02 dB at x2, x3 and x4', async () => {
    const result = await runCli(['eval', SET5, '--scale', '2,3,4', '--bicubic-only', '--json'], dir);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Row[];
    const published: Record<number, number> = { 2: 33.66, 3: 30.39, 4: 28.42 };
    for (const row of rows)
      expect(Math.abs(row.psnr - published[row.scale]!), `x${row.scale}`).toBeLessThan(0.02);
  });
});

if (!existsSync(SET5)) console.warn(`Skipping the Set5 reproduction test: ${SET5} is not present.`);
