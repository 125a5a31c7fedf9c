// No backend package imported: what a Vite config without `import '@vdsr/backend-onnxruntime'` gets.
// (@vdsr/sharp may still register onnxruntime itself; this file removes it from the shared registry.)
import { listBackends, unregisterBackend } from '@vdsr/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vdsr } from './plugin.js';
import { buildSite, emitted, makeSite, writeEntry } from './test-site.js';

describe('with only the reference backend registered', () => {
  let site: Awaited<ReturnType<typeof makeSite>>;

  beforeAll(async () => {
    unregisterBackend('onnxruntime');
    expect(listBackends().map((b) => b.name)).toEqual(['reference']);
    // Small enough for the reference backend to take well under a second.
    const tiny = await sharp({ create: { width: 12, height: 10, channels: 3, background: '#3a7' } })
      .composite([
        {
          input: Buffer.from('<svg width="6" height="10"><rect width="6" height="10"/></svg>'),
          left: 0,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
    site = await makeSite(tiny);
    await writeEntry(site.root, "import url from './hero.png?vdsr&scale=2';\nconsole.log(url);\n");
  });
  afterAll(() => site?.remove());

  it("fails the build naming the package to install, with backend 'auto'", async () => {
    await expect(buildSite(site.root, vdsr())).rejects.toThrow(
      "src/main.ts): Only the reference backend (plain JavaScript, many times slower than onnxruntime) can run: install @vdsr/backend-onnxruntime and onnxruntime-node, and add import '@vdsr/backend-onnxruntime' to your Vite config",
    );
  });

  it('runs the reference backend when it is asked for by name', async () => {
    const plugin = vdsr({ backend: 'reference' });
    const { output } = await buildSite(site.root, plugin);
    const meta = await sharp(emitted(output, 'hero@24x20.png').source as Uint8Array).metadata();
    expect([meta.width, meta.height]).toEqual([24, 20]);
    expect(plugin.api.stats.upscaled).toBe(1);
  });

  it('builds from the cache without opening any backend', async () => {
    const plugin = vdsr();
    await buildSite(site.root, plugin);
    expect(plugin.api.stats).toMatchObject({ upscaled: 0, cached: 1 });
  });
});
