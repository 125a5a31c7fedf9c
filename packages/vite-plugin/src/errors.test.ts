import '@vdsr/backend-onnxruntime';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vdsr } from './plugin.js';
import { buildSite, makeSite, testImages, writeEntry } from './test-site.js';

describe('failed builds', () => {
  let site: Awaited<ReturnType<typeof makeSite>>;

  beforeAll(async () => {
    site = await makeSite((await testImages()).png);
    await writeFile(join(site.root, 'src', 'broken.png'), 'not an image at all');
  });
  afterAll(() => site?.remove());

  async function buildImporting(specifier: string, options: Parameters<typeof vdsr>[0] = {}) {
    await writeEntry(site.root, `import url from '${specifier}';\nconsole.log(url);\n`);
    return buildSite(site.root, vdsr(options));
  }

  it('names a missing file and the cause', async () => {
    await expect(buildImporting('./missing.png?vdsr&scale=2')).rejects.toThrow(
      /src\/missing\.png\?vdsr&scale=2: Cannot read the image: ENOENT: no such file or directory/,
    );
  });

  it('names a file that is not an image and the cause', async () => {
    await expect(buildImporting('./broken.png?vdsr&scale=2')).rejects.toThrow(
      /src\/broken\.png\?vdsr&scale=2: Cannot decode the image: .*unsupported image format/,
    );
  });

  it('names an invalid option in the query', async () => {
    await expect(buildImporting('./hero.png?vdsr&scale=0.5')).rejects.toThrow(
      "src/hero.png?vdsr&scale=0.5: Expected a number > 1 for scale but received string '0.5'",
    );
    await expect(buildImporting('./hero.png?vdsr&scale=2&width=100')).rejects.toThrow(
      'src/hero.png?vdsr&scale=2&width=100: Expected one of scale, width and/or height, or srcset but received scale and width',
    );
    await expect(buildImporting('./hero.png?vdsr&format=bmp')).rejects.toThrow(
      /src\/hero\.png\?vdsr&format=bmp: Expected one of (\w+, )+\w+ for options\.format but received string 'bmp'/,
    );
  });

  it('rejects invalid plugin options when the config makes the plugin', () => {
    expect(() => vdsr({ concurrency: 0 })).toThrow(
      'Expected a positive integer for options.concurrency but received number 0',
    );
    expect(() => vdsr({ defaults: { srcset: [0.5] } })).toThrow(
      /Expected a list of distinct pixel densities/,
    );
  });

  it('names an image over the pixel limit', async () => {
    await expect(buildImporting('./hero.png?vdsr&scale=2', { limitInputPixels: 1000 })).rejects.toThrow(
      'src/hero.png?vdsr&scale=2: Expected an image of at most 1000 pixels (the limitInputPixels option) but received 80 x 48 = 3840',
    );
  });

  it('names an unknown backend', async () => {
    await expect(buildImporting('./hero.png?vdsr&scale=2', { backend: 'webgpu' })).rejects.toThrow(
      /src\/hero\.png\?vdsr&scale=2: Unknown backend 'webgpu'; registered backends: onnxruntime, reference/,
    );
  });

  it('leaves nothing in the cache after the failures', async () => {
    const names = await readdir(join(site.root, 'node_modules/.cache/vdsr')).catch(() => []);
    expect(names).toEqual([]);
  });
});
