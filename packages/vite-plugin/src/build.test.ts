// The application's side of the backend choice: the Vite config imports the backend it wants.
import '@vdsr/backend-onnxruntime';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { psnr, resizeImage, type VdsrImage } from '@vdsr/core';
import { createLogger } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_NAME } from './cache.js';
import { vdsr } from './plugin.js';
import { buildSite, decodeRgb, emitted, makeSite, testImages } from './test-site.js';

describe('vite build of the fixture', () => {
  let site: Awaited<ReturnType<typeof makeSite>>;
  let images: Awaited<ReturnType<typeof testImages>>;
  let first: Awaited<ReturnType<typeof buildSite>>;
  let firstStats: { upscaled: number; cached: number };
  const logged: string[] = [];

  beforeAll(async () => {
    images = await testImages();
    site = await makeSite(images.png);
    const plugin = vdsr();
    const customLogger = createLogger('silent');
    customLogger.info = (line) => void logged.push(line);
    first = await buildSite(site.root, plugin, { customLogger });
    firstStats = { ...plugin.api.stats };
    console.info(`first build (empty cache): ${first.ms.toFixed(0)} ms`);
  });
  afterAll(() => site?.remove());

  it('emits the 2x image as a hashed asset of the expected size, better than bicubic', async () => {
    const asset = emitted(first.output, 'hero@160x96.png');
    const upscaled = await decodeRgb(asset.source as Uint8Array);
    expect([upscaled.width, upscaled.height]).toEqual([160, 96]);
    const bicubic = resizeImage(images.small, { scale: 2 }) as VdsrImage<Uint8Array>;
    const gain = psnr(images.truth, upscaled, { shave: 2 }) - psnr(images.truth, bicubic, { shave: 2 });
    console.info(`VDSR - bicubic on the 2x asset: ${gain.toFixed(2)} dB`);
    expect(gain).toBeGreaterThan(1);
  });

  it('emits the srcset: the original as 1x, VDSR for 2x and 3x, in the page script', async () => {
    const original = emitted(first.output, 'hero.png');
    expect(Buffer.compare(Buffer.from(original.source as Uint8Array), images.png)).toBe(0);
    const triple = await decodeRgb(emitted(first.output, 'hero@240x144.png').source as Uint8Array);
    expect([triple.width, triple.height]).toEqual([240, 144]);
    const script = first.output.output.find((o) => o.type === 'chunk' && o.isEntry);
    const code = script?.type === 'chunk' ? script.code : '';
    const double = emitted(first.output, 'hero@160x96.png').fileName;
    expect(code).toContain(
      `/${original.fileName} 1x, /${double} 2x, /${emitted(first.output, 'hero@240x144.png').fileName} 3x`,
    );
    expect(code).toMatch(/width:80,height:48/);
  });

  it('upscales the 2x image once although two imports ask for it at the same time', () => {
    expect(firstStats).toMatchObject({ upscaled: 2, cached: 0 });
  });

  it('sums the build up in a log line, after any progress lines', () => {
    const dir = join(site.root, 'node_modules/.cache/vdsr');
    const lines = logged.filter((line) => line.startsWith('vdsr: '));
    // Progress lines appear only when upscaling passes 1.5 s, which depends on the machine's load.
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^vdsr: upscaled [0-2] of (1 image|2 images); /);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^vdsr: 2 images, 2 upscaled in \\d+\\.\\d s, 0 from the cache \\(${dir}\\)$`),
    );
  });

  it('leaves only whole images in the cache', async () => {
    const dir = join(site.root, 'node_modules/.cache/vdsr');
    const names = await readdir(dir);
    expect(names).toHaveLength(2);
    for (const name of names) {
      expect(name).toMatch(CACHE_NAME);
      expect((await decodeRgb(await readFile(join(dir, name)))).width).toBeGreaterThan(80);
    }
  });

  it('builds a second time from the cache alone, with the same assets', async () => {
    const plugin = vdsr();
    const second = await buildSite(site.root, plugin);
    console.info(`second build (cache filled): ${second.ms.toFixed(0)} ms`);
    expect(plugin.api.stats.upscaled).toBe(0);
    expect(plugin.api.stats.cached).toBeGreaterThanOrEqual(2);
    const names = (output: typeof second.output) => output.output.map((o) => o.fileName).sort();
    expect(names(second.output)).toEqual(names(first.output));
  });
});
