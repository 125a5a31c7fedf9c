import '@vdsr/backend-onnxruntime';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vdsr } from './plugin.js';
import { buildSite, emitted, makeSite, testImages, writeEntry } from './test-site.js';

describe('the include and exclude options', () => {
  let site: Awaited<ReturnType<typeof makeSite>>;

  beforeAll(async () => {
    const { png } = await testImages();
    site = await makeSite(png);
    const retina = join(site.root, 'src', 'retina');
    await mkdir(retina);
    // Different bytes each, or Rollup would emit one asset for all three.
    const crop = (left: number) => sharp(png).extract({ left, top: 0, width: 20, height: 16 }).toBuffer();
    await writeFile(join(retina, 'logo.png'), await crop(0));
    await writeFile(join(retina, 'badge.png'), await crop(20));
    await writeFile(join(retina, 'keep.png'), await crop(40));
    await writeEntry(
      site.root,
      [
        "import logo from './retina/logo.png';",
        "import badge from './retina/badge.png?url';",
        "import keep from './retina/keep.png';",
        'console.log(logo, badge, keep);',
      ].join('\n'),
    );
  });
  afterAll(() => site?.remove());

  it('upscales plain imports of the included folder with the defaults, leaving ?url and excluded files alone', async () => {
    const plugin = vdsr({
      include: 'src/retina/*.png',
      exclude: /keep\.png$/,
      defaults: { scale: 3, format: 'webp' },
    });
    const { output } = await buildSite(site.root, plugin, {
      build: { outDir: 'dist', assetsInlineLimit: 0 },
    });
    const logo = emitted(output, 'logo@60x48.webp');
    const meta = await sharp(logo.source as Uint8Array).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 60, 48]);
    expect(plugin.api.stats.upscaled).toBe(1);
    emitted(output, 'badge.png');
    emitted(output, 'keep.png');
  });
});
