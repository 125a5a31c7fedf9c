import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRandomWeights, serializeWeights } from '@vdsr/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, rawImage, runCli, TINY_NETWORK, writeRandomWeights } from './test-support/harness.js';

let dir: string;
let remove: () => Promise<void>;
let weights: string;

beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
  weights = await writeRandomWeights(join(dir, 'tiny.safetensors'));
});
afterAll(() => remove());

describe('vdsr --help and --version', () => {
  it('lists every command, and each command has its own help', async () => {
    const help = await runCli(['--help'], dir);
    expect(help.code).toBe(0);
    for (const name of ['upscale', 'eval', 'compare', 'info', 'bench']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
      const own = await runCli([name, '--help'], dir);
      expect(own.code).toBe(0);
      expect(own.stdout).toMatch(new RegExp(`^Usage: vdsr ${name} `));
      expect(own.stdout).toContain('-h, --help');
    }
  });

  it("names in each command's --backend help exactly the backends vdsr info lists", async () => {
    const info = JSON.parse((await runCli(['info', '--json'], dir)).stdout) as {
      backends: { name: string }[];
    };
    const names = ['auto', ...info.backends.map((b) => b.name)].join(', ');
    expect(names).toMatch(/onnxruntime.*reference/);
    for (const name of ['upscale', 'eval', 'compare']) {
      const help = (await runCli([name, '--help'], dir)).stdout;
      expect(help, name).toContain(`Backend to run on: ${names} (`);
    }
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const result = await runCli(['--version'], dir);
    expect([result.code, result.stdout]).toEqual([0, `${pkg.version}\n`]);
  });

  it('exits 2 on no command or an unknown one', async () => {
    expect((await runCli([], dir)).code).toBe(2);
    const unknown = await runCli(['upscal'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'upscal'");
  });
});

describe('vdsr info', () => {
  it('describes the network, the weights file given and every backend as JSON', async () => {
    const result = await runCli(['info', '--json', '--weights', weights], dir);
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info.graph.architecture).toEqual(TINY_NETWORK);
    expect(info.graph.receptiveField).toBe(2 * TINY_NETWORK.depth + 1);
    expect(info.weights).toMatchObject({
      installed: true,
      path: weights,
      dtype: 'F32',
      provenance: { source: 'cli test' },
    });
    expect(info.weights.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const names = info.backends.map((b: { name: string }) => b.name);
    expect(names).toEqual(expect.arrayContaining(['reference', 'onnxruntime', 'onnxruntime-web', 'webgpu']));
    expect(info.backends.find((b: { name: string }) => b.name === 'reference')).toMatchObject({
      available: true,
    });
    for (const b of info.backends) expect(b.available || typeof b.reason === 'string').toBe(true);
  });

  it('prints the layer table, MFLOP per pixel and the backends as text', async () => {
    const result = await runCli(['info', '--weights', weights], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Receptive field: 9x9');
    expect(result.stdout).toMatch(/MFLOP per output pixel/);
    expect(result.stdout).toMatch(/^reference\s+0\s+available/m);
  });

  it('lists the measured quality of the file, ensemble rows with their transforms', async () => {
    const path = join(dir, 'measured.safetensors');
    const row = { dataset: 'Set5', scale: 2, psnr: 37.12, ssim: 0.9567 };
    const metrics = [
      { ...row, method: 'vdsr' as const },
      { ...row, method: 'ensemble' as const, psnr: 37.34, transforms: 8 as const },
    ];
    const tiny = createRandomWeights(5, TINY_NETWORK);
    await writeFile(path, await serializeWeights(tiny, { dtype: 'F32', metrics }));
    const result = await runCli(['info', '--weights', path], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Set5\s+x2\s+vdsr\s+37\.12\s+0\.9567$/m);
    expect(result.stdout).toMatch(/^Set5\s+x2\s+ensemble of 8\s+37\.34\s+0\.9567$/m);
  });

  it('fails on a weights file that is not one', async () => {
    const result = await runCli(['info', '--weights', join(dir, 'missing.safetensors')], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.safetensors');
  });
});

describe('vdsr compare', () => {
  it('renders four labelled columns with zoomed crops', async () => {
    await rawImage(40, 30, 3, 60).png().toFile(join(dir, 'scene.png'));
    const args = ['compare', 'scene.png', '--scale', '2', '-o', 'sheet.png', '--crop', '4,4,10,8'];
    const result = await runCli([...args, '--weights', weights, '--backend', 'reference'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/bicubic \d+\.\d\d dB \/ SSIM 0\.\d{4}, VDSR \d+\.\d\d dB/);
    const sheet = await sharp(join(dir, 'sheet.png')).metadata();
    // Four 40 px columns with gaps; below each 30 px image its crop enlarged 3x (10 x 8 -> 30 x 24).
    expect(sheet.width).toBeGreaterThan(4 * 40);
    expect(sheet.height).toBeGreaterThan(30 + 24);
    const again = await runCli([...args, '--weights', weights, '--backend', 'reference'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('handles a grey image', async () => {
    await rawImage(24, 24, 1, 60).png().toFile(join(dir, 'grey.png'));
    const args = ['compare', 'grey.png', '--scale', '3', '-o', 'grey-sheet.webp'];
    const result = await runCli([...args, '--weights', weights, '--backend', 'reference'], dir);
    expect(result.code).toBe(0);
    expect(await sharp(join(dir, 'grey-sheet.webp')).metadata()).toMatchObject({ format: 'webp' });
  });

  it('exits 2 for a crop outside the image, a scale past 8 or a missing -o', async () => {
    await rawImage(20, 20, 3).png().toFile(join(dir, 'small.png'));
    const outside = await runCli(
      ['compare', 'small.png', '--scale', '2', '-o', 'x.png', '--crop', '15,15,10,10'],
      dir,
    );
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('Expected --crop inside the 20 x 20 image');
    const tooFar = await runCli(['compare', 'small.png', '--scale', '9', '-o', 'x.png'], dir);
    expect(tooFar.code).toBe(2);
    expect(tooFar.stderr).toContain("Expected a whole number from 2 to 8 for --scale but received '9'");
    expect((await runCli(['compare', 'small.png', '--scale', '2'], dir)).code).toBe(2);
    expect(await readdir(dir)).not.toContain('x.png');
  });
});

describe('vdsr bench', () => {
  it('measures a backend and reports throughput and memory as JSON', async () => {
    const args = [
      'bench',
      '--backend',
      'reference',
      '--size',
      '16',
      '--runs',
      '1',
      '--weights',
      weights,
      '--json',
    ];
    const result = await runCli(args, dir);
    expect(result.code).toBe(0);
    const [line] = JSON.parse(result.stdout);
    expect(line).toMatchObject({ backend: 'reference', available: true, size: 16 });
    expect(line.runs).toBeGreaterThanOrEqual(1);
    expect(line.megapixelsPerSecond).toBeCloseTo((16 * 16) / 1e6 / line.seconds, 6);
    expect(line.gflopsPerSecond).toBeGreaterThan(0);
    expect(line.peakRssMiB).toBeGreaterThan(10);
  });
});
