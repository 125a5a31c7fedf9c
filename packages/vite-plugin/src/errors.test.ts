import '@vdsr/backend-onnxruntime';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VdsrPluginOptions } from './options.js';
import { vdsr } from './plugin.js';
import { buildSite, makeSite, testImages, writeEntry } from './test-site.js';

describe('failed builds', () => {
  let site: Awaited<ReturnType<typeof makeSite>>;

  beforeAll(async () => {
    site = await makeSite((await testImages()).png);
    await writeFile(join(site.root, 'src', 'broken.png'), 'not an image at all');
  });
  afterAll(() => site?.remove());

  /** Builds a site whose script imports `specifier` and expects the build to fail with `cause`. */
  async function expectFailure(specifier: string, cause: string | RegExp, options: VdsrPluginOptions = {}) {
    await writeEntry(site.root, `import url from '${specifier}';\nconsole.log(url);\n`);
    const error: Error = await buildSite(site.root, vdsr(options)).then(
      () => expect.unreachable(),
      (e) => e,
    );
    // Rollup names the file and the importer; the plugin adds the cause.
    const where = `[vdsr] Could not load ${join(site.root, 'src', specifier.slice(2))} (imported by `;
    // Vite colours the message where it thinks a terminal reads it (CI=true turns that on).
    const message = stripVTControlCharacters(error.message);
    expect(message.startsWith(where)).toBe(true);
    const said = message.slice(message.indexOf('): ') + 3);
    if (typeof cause === 'string') expect(said).toBe(cause);
    else expect(said).toMatch(cause);
  }

  it('names a missing file and the cause', async () => {
    await expectFailure(
      './missing.png?vdsr&scale=2',
      `Cannot read the image: ENOENT: no such file or directory, open '${join(site.root, 'src', 'missing.png')}'`,
    );
  });

  it('names a file that is not an image and the cause', async () => {
    await expectFailure(
      './broken.png?vdsr&scale=2',
      'Cannot decode the image: Input buffer contains unsupported image format',
    );
  });

  it('names an invalid option in the query', async () => {
    await expectFailure(
      './hero.png?vdsr&scale=0.5',
      "Expected a number > 1 for scale but received string '0.5'",
    );
    await expectFailure(
      './hero.png?vdsr&scale=2&width=100',
      'Expected one of scale, width and/or height, or srcset but received scale and width',
    );
    await expectFailure(
      './hero.png?vdsr&format=bmp',
      /^Expected one of (\w+, )+\w+ \(what this sharp build writes\) for options\.format but received string 'bmp'$/,
    );
    await expectFailure(
      './hero.png?vdsr&scale=2&ensemble=3',
      "Expected true, false or a number of transforms: 1, 2, 4 or 8 for ensemble but received string '3'",
    );
  });

  it('rejects invalid plugin options when the config makes the plugin', () => {
    expect(() => vdsr({ concurrency: 0 })).toThrow(
      'Expected a positive integer for options.concurrency but received number 0',
    );
    expect(() => vdsr({ defaults: { srcset: [0.5] } })).toThrow(
      /Expected a list of distinct pixel densities/,
    );
    expect(() => vdsr({ defaults: { scale: 2, ensemble: 3 as 2 } })).toThrow(
      'Expected true, false or a number of transforms: 1, 2, 4 or 8 for ensemble but received number 3',
    );
  });

  it('names an image over the pixel limit', async () => {
    await expectFailure(
      './hero.png?vdsr&scale=2',
      'Expected an image of at most 1000 pixels (the limitInputPixels option) but received 80 x 48 = 3840',
      { limitInputPixels: 1000 },
    );
  });

  it('names an invalid session option', async () => {
    await expectFailure(
      './hero.png?vdsr&scale=2',
      'Expected a positive integer for options.threads but received number 0',
      { session: { threads: 0 } },
    );
  });

  it('names an unknown backend', async () => {
    await expectFailure(
      './hero.png?vdsr&scale=2',
      "Unknown backend 'webgpu'; registered backends: onnxruntime, reference",
      { backend: 'webgpu' },
    );
  });

  it('leaves nothing in the cache after the failures', async () => {
    const names = await readdir(join(site.root, 'node_modules/.cache/vdsr')).catch(() => []);
    expect(names).toEqual([]);
  });
});
