import '@vdsr/backend-onnxruntime';
import { psnr } from '@vdsr/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vdsr } from './plugin.js';
import { buildSite, decodeRgb, makeSite, testImages, writeEntry } from './test-site.js';

describe('vite build with ?ensemble', () => {
  let site: Awaited<ReturnType<typeof makeSite>>;
  afterAll(() => site?.remove());

  let images: Awaited<ReturnType<typeof testImages>>;
  beforeAll(async () => {
    images = await testImages();
    site = await makeSite(images.png);
  });

  it('emits an ensemble=2 image apart from the plain one, both upscaled, neither worse', async () => {
    await writeEntry(
      site.root,
      [
        "import plain from './hero.png?vdsr&scale=2';",
        "import ensemble from './hero.png?vdsr&ensemble=2&scale=2';",
        'console.log({ plain, ensemble });',
      ].join('\n'),
    );
    const plugin = vdsr();
    const { output } = await buildSite(site.root, plugin);
    expect(plugin.api.stats).toMatchObject({ upscaled: 2, cached: 0 });
    const chunk = output.output.find((o) => o.type === 'chunk' && o.isEntry);
    const code = chunk?.type === 'chunk' ? chunk.code : '';
    // The minified script: const i="/assets/hero@160x96-<hash>.png",...;console.log({plain:i,...})
    const urls = new Map(
      [...code.matchAll(/(\w+)="\/(assets\/hero@160x96-[\w-]+\.png)"/g)].map((m) => [m[1], m[2]]),
    );
    const assetOf = (name: string) => {
      const fileName = urls.get(new RegExp(`${name}:(\\w+)`).exec(code)?.[1] ?? '');
      const asset = output.output.find((o) => o.fileName === fileName);
      if (asset?.type !== 'asset') throw new Error(`no ${name} asset in ${code}`);
      return decodeRgb(asset.source as Uint8Array);
    };
    const [plain, ensemble] = await Promise.all([assetOf('plain'), assetOf('ensemble')]);
    expect([ensemble.width, ensemble.height]).toEqual([160, 96]);
    expect(Buffer.compare(Buffer.from(plain.data), Buffer.from(ensemble.data))).not.toBe(0);
    const [plainDb, ensembleDb] = [plain, ensemble].map((image) => psnr(images.truth, image, { shave: 2 }));
    console.info(
      `luma PSNR of the 2x asset: plain ${plainDb?.toFixed(3)} dB, ensemble=2 ${ensembleDb?.toFixed(3)} dB`,
    );
    // Averaging two equally good guesses should not lose quality; a small margin for one 160 x 96 crop.
    expect(ensembleDb).toBeGreaterThan((plainDb ?? 0) - 0.05);
  });
});
