import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resizeImage, type VdsrImage } from '@vdsr/core';
import sharp from 'sharp';
import { build, type InlineConfig, type Rollup } from 'vite';
import type { VdsrPlugin } from './plugin.js';

const FIXTURE = fileURLToPath(new URL('../fixture', import.meta.url));
const TEST_CARD = fileURLToPath(new URL('../../../examples/test-card.png', import.meta.url));

/** A region of the test card with text and edges, where VDSR shows against bicubic. */
const CROP = { left: 20, top: 76, width: 160, height: 96 };

/** The test card crop (ground truth), and its MATLAB-bicubic half (the source image) as PNG. */
export async function testImages(): Promise<{
  truth: VdsrImage<Uint8Array>;
  small: VdsrImage<Uint8Array>;
  png: Buffer;
}> {
  const { data, info } = await sharp(TEST_CARD)
    .extract(CROP)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const truth = { width: info.width, height: info.height, channels: 3 as const, data: new Uint8Array(data) };
  const small = resizeImage(truth, { scale: 0.5 });
  const png = await sharp(small.data, { raw: { width: small.width, height: small.height, channels: 3 } })
    .png()
    .toBuffer();
  return { truth, small, png };
}

/** A copy of the fixture project in a new temporary directory, with `hero.png` written in. */
export async function makeSite(heroPng: Uint8Array): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'vdsr-vite-'));
  await cp(FIXTURE, root, { recursive: true });
  await writeFile(join(root, 'src', 'hero.png'), heroPng);
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Replaces the fixture's entry module (for builds that import something else). */
export function writeEntry(root: string, code: string): Promise<void> {
  return writeFile(join(root, 'src', 'main.ts'), code);
}

/** A production build of the site with `plugin`, silent, into `root/dist`; its output and wall time. */
export async function buildSite(
  root: string,
  plugin: VdsrPlugin,
  config: InlineConfig = {},
): Promise<{ output: Rollup.RollupOutput; ms: number }> {
  const start = performance.now();
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [plugin],
    build: { outDir: 'dist', emptyOutDir: true },
    ...config,
  });
  return { output: result as Rollup.RollupOutput, ms: performance.now() - start };
}

/** The emitted asset whose name Vite derived from `name` (`hero@320x192.png` -> `assets/hero@320x192-<hash>.png`). */
export function emitted(output: Rollup.RollupOutput, name: string): Rollup.OutputAsset {
  const dot = name.lastIndexOf('.');
  const pattern = new RegExp(`^assets/${name.slice(0, dot)}-[\\w-]+\\${name.slice(dot)}$`);
  const asset = output.output.find(
    (o): o is Rollup.OutputAsset => o.type === 'asset' && pattern.test(o.fileName),
  );
  if (!asset) throw new Error(`no asset for ${name} in ${output.output.map((o) => o.fileName).join(', ')}`);
  return asset;
}

/** Decodes an image file's bytes to 8-bit RGB. */
export async function decodeRgb(bytes: Uint8Array): Promise<VdsrImage<Uint8Array>> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data) };
}
