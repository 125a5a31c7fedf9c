import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWeights } from '@vdsr/core';
import { upscaleBuffer } from '@vdsr/sharp';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, rawImage, runCli, tempFiles, writeRandomWeights } from './test-support/harness.js';

let dir: string;
let remove: () => Promise<void>;
let weights: string;
/** Every run uses the small random network on the reference backend: fast and the same everywhere. */
let run: (...args: string[]) => ReturnType<typeof runCli>;

beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
  weights = await writeRandomWeights(join(dir, 'tiny.safetensors'));
  run = (...args) => runCli([...args, '--weights', weights, '--backend', 'reference'], dir);
});
afterAll(() => remove());

/** A fresh directory for one test, so listings show only what that test wrote. */
async function workDir(name: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(path);
  return path;
}

describe('vdsr upscale: outputs', () => {
  it('writes NAME@2x.EXT beside the input, keeping format and alpha', async () => {
    const work = await workDir('beside');
    await rawImage(20, 14, 4).png().toFile(join(work, 'icon.png'));
    await rawImage(20, 14, 3).jpeg().toFile(join(work, 'photo.jpg'));
    const result = await run('upscale', join(work, 'icon.png'), join(work, 'photo.jpg'), '--scale', '2');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('icon@2x.png');
    const icon = await sharp(join(work, 'icon@2x.png')).metadata();
    expect([icon.format, icon.width, icon.height, icon.hasAlpha]).toEqual(['png', 40, 28, true]);
    const photo = await sharp(join(work, 'photo@2x.jpg')).metadata();
    expect([photo.format, photo.width, photo.height]).toEqual(['jpeg', 40, 28]);
  });

  it('names outputs NAME@WxH for --width/--height and keeps the aspect ratio with one side', async () => {
    const work = await workDir('sized');
    await rawImage(20, 10, 3).png().toFile(join(work, 'a.png'));
    expect((await run('upscale', join(work, 'a.png'), '--width', '50')).code).toBe(0);
    expect(await sharp(join(work, 'a@50x25.png')).metadata()).toMatchObject({ width: 50, height: 25 });
    expect((await run('upscale', join(work, 'a.png'), '--width', '30', '--height', '40')).code).toBe(0);
    expect(await sharp(join(work, 'a@30x40.png')).metadata()).toMatchObject({ width: 30, height: 40 });
  });

  it('expands directories and globs, writes into -o DIR in the --format asked', async () => {
    const work = await workDir('batch');
    await mkdir(join(work, 'in'));
    await mkdir(join(work, 'out'));
    await rawImage(12, 12, 3)
      .png()
      .toFile(join(work, 'in', 'a.png'));
    await rawImage(12, 12, 3)
      .png()
      .toFile(join(work, 'in', 'b.png'));
    await writeFile(join(work, 'in', 'notes.txt'), 'not an image');
    await rawImage(12, 12, 1).png().toFile(join(work, 'c.png'));
    const result = await run(
      'upscale',
      'batch/in',
      'batch/*.png',
      '--scale',
      '3',
      '-o',
      'batch/out',
      '--format',
      'webp',
    );
    expect(result.code).toBe(0);
    expect((await readdir(join(work, 'out'))).sort()).toEqual(['a@3x.webp', 'b@3x.webp', 'c@3x.webp']);
    expect(await sharp(join(work, 'out', 'c@3x.webp')).metadata()).toMatchObject({
      format: 'webp',
      width: 36,
    });
  });

  it('writes the file -o names, in the format of its extension (TIFF, AVIF)', async () => {
    const work = await workDir('named');
    await rawImage(16, 8, 3).png().toFile(join(work, 'in.png'));
    const result = await run('upscale', join(work, 'in.png'), '-o', join(work, 'big.tiff'), '--scale', '1.5');
    expect(result.code).toBe(0);
    expect(await sharp(join(work, 'big.tiff')).metadata()).toMatchObject({
      format: 'tiff',
      width: 24,
      height: 12,
    });
  });

  it('prints per-file results as JSON with --json', async () => {
    const work = await workDir('json');
    await rawImage(10, 10, 3).png().toFile(join(work, 'ok.png'));
    await writeFile(join(work, 'bad.png'), 'garbage');
    const result = await run(
      'upscale',
      join(work, 'ok.png'),
      join(work, 'bad.png'),
      '--scale',
      '2',
      '--json',
    );
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({
      input: join(work, 'ok.png'),
      ok: true,
      output: join(work, 'ok@2x.png'),
    });
    expect(reports[0]).toMatchObject({ format: 'png', width: 20, height: 20 });
    expect(typeof reports[0]!.seconds).toBe('number');
    expect(reports[1]).toMatchObject({ input: join(work, 'bad.png'), ok: false });
    expect(reports[1]!.error).toMatch(/sharp could not read the image/);
  });
});

describe('vdsr upscale: metadata and depth', () => {
  it('applies EXIF orientation, so the output is upright and not rotated again', async () => {
    const work = await workDir('exif');
    // Orientation 6: stored 20 x 10, shown rotated a quarter turn, 10 x 20.
    await rawImage(20, 10, 3).jpeg().withMetadata({ orientation: 6 }).toFile(join(work, 'turned.jpg'));
    expect((await run('upscale', join(work, 'turned.jpg'), '--scale', '2')).code).toBe(0);
    const out = await sharp(join(work, 'turned@2x.jpg')).metadata();
    expect([out.width, out.height]).toEqual([20, 40]);
    expect(out.orientation ?? 1).toBe(1);
  });

  it('keeps the ICC profile', async () => {
    const work = await workDir('icc');
    await rawImage(16, 16, 3).withIccProfile('p3').png().toFile(join(work, 'wide.png'));
    const input = await sharp(join(work, 'wide.png')).metadata();
    expect(input.icc).toBeDefined();
    expect((await run('upscale', join(work, 'wide.png'), '--scale', '2')).code).toBe(0);
    const output = await sharp(join(work, 'wide@2x.png')).metadata();
    expect(output.icc && Buffer.compare(output.icc, input.icc!)).toBe(0);
  });

  it('keeps 16-bit PNG input at 16 bits, and grey stays grey', async () => {
    const work = await workDir('deep');
    await rawImage(12, 12, 3).toColourspace('rgb16').png().toFile(join(work, 'deep.png'));
    await rawImage(12, 12, 1).png().toFile(join(work, 'grey.png'));
    expect((await run('upscale', join(work, 'deep.png'), join(work, 'grey.png'), '--scale', '2')).code).toBe(
      0,
    );
    expect(await sharp(join(work, 'deep.png')).metadata()).toMatchObject({ depth: 'ushort' });
    expect(await sharp(join(work, 'deep@2x.png')).metadata()).toMatchObject({ depth: 'ushort', width: 24 });
    expect(await sharp(join(work, 'grey@2x.png')).metadata()).toMatchObject({ channels: 1, width: 24 });
  });
});

describe('vdsr upscale: bad input', () => {
  it('reports corrupt, truncated, empty, non-image and missing files one line each and runs the rest', async () => {
    const work = await workDir('bad');
    await rawImage(12, 12, 3).png().toFile(join(work, 'good.png'));
    const png = await rawImage(40, 40, 3).png().toBuffer();
    await writeFile(join(work, 'truncated.png'), png.subarray(0, png.length >> 1));
    const corrupt = Buffer.from(png);
    corrupt.fill(0x5a, 60, 200);
    await writeFile(join(work, 'corrupt.png'), corrupt);
    await writeFile(join(work, 'empty.png'), '');
    await writeFile(join(work, 'text.jpg'), 'just some text');
    const names = ['truncated.png', 'corrupt.png', 'empty.png', 'text.jpg', 'missing.png', 'good.png'];
    const result = await run('upscale', ...names.map((n) => join(work, n)), '--scale', '2');
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const name of names.slice(0, 5)) expect(lines.filter((l) => l.includes(name))).toHaveLength(1);
    expect(result.stderr).toMatch(/empty\.png: empty file \(0 bytes\)/);
    expect(result.stderr).toMatch(/missing\.png: no such file or directory/);
    expect((await readdir(work)).sort()).toEqual([...names.slice(0, 4), 'good.png', 'good@2x.png'].sort());
  });

  it('rejects an image past the pixel limit, naming the flag that raises it', async () => {
    const work = await workDir('limit');
    await rawImage(30, 20, 3).png().toFile(join(work, 'big.png'));
    const refused = await run(
      'upscale',
      join(work, 'big.png'),
      '--scale',
      '2',
      '--limit-input-pixels',
      '500',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `vdsr: ${join(work, 'big.png')}: the image has 600 pixels, more than the input limit of 500 (--limit-input-pixels); raise it with --limit-input-pixels N (0 for no limit)`,
    );
    expect(await readdir(work)).toEqual(['big.png']);
    const allowed = await run(
      'upscale',
      join(work, 'big.png'),
      '--scale',
      '2',
      '--limit-input-pixels',
      '600',
    );
    expect(allowed.code).toBe(0);
  });

  it('refuses a size past 8x, naming the flag to lower, before writing anything', async () => {
    const work = await workDir('scale-limit');
    await rawImage(20, 10, 3).png().toFile(join(work, 'small.png'));
    const result = await run('upscale', join(work, 'small.png'), '--width', '1000');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `vdsr: ${join(work, 'small.png')}: --width 1000 scales the image by more than vdsr's limit of 8: ask for --width 160 or less`,
    );
    expect(await readdir(work)).toEqual(['small.png']);
  });

  it('never overwrites an input, nor an existing output without --overwrite', async () => {
    const work = await workDir('overwrite');
    await rawImage(10, 10, 3).png().toFile(join(work, 'a.png'));
    await writeFile(join(work, 'a@2x.png'), 'keep me');
    const refused = await run('upscale', join(work, 'a.png'), '--scale', '2');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists (pass --overwrite to replace it)');
    expect(await readFile(join(work, 'a@2x.png'), 'utf8')).toBe('keep me');

    expect((await run('upscale', join(work, 'a.png'), '--scale', '2', '--overwrite')).code).toBe(0);
    expect(await sharp(join(work, 'a@2x.png')).metadata()).toMatchObject({ width: 20 });

    const before = await readFile(join(work, 'a.png'));
    const self = await run(
      'upscale',
      join(work, 'a.png'),
      '-o',
      join(work, 'a.png'),
      '--scale',
      '2',
      '--overwrite',
    );
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('it is an input of this run');
    expect(Buffer.compare(await readFile(join(work, 'a.png')), before)).toBe(0);
    expect(await tempFiles(work)).toEqual([]);
  });

  it('makes the -o directory when it does not exist', async () => {
    const work = await workDir('nodir');
    await rawImage(10, 10, 3).png().toFile(join(work, 'a.png'));
    await rawImage(10, 10, 3).png().toFile(join(work, 'b.png'));
    const result = await run(
      'upscale',
      join(work, 'a.png'),
      join(work, 'b.png'),
      '--scale',
      '2',
      '-o',
      `${join(work, 'new', 'deeper')}/`,
    );
    expect(result.code).toBe(0);
    expect((await readdir(join(work, 'new', 'deeper'))).sort()).toEqual(['a@2x.png', 'b@2x.png']);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a read-only output directory (skipped as root, who may write anywhere)',
    async () => {
      const work = await workDir('readonly');
      await mkdir(join(work, 'out'));
      await rawImage(10, 10, 3).png().toFile(join(work, 'a.png'));
      await chmod(join(work, 'out'), 0o555);
      const result = await run('upscale', join(work, 'a.png'), '--scale', '2', '-o', join(work, 'out'));
      await chmod(join(work, 'out'), 0o755);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/a\.png: output directory .*out is not writable/);
      expect(await readdir(join(work, 'out'))).toEqual([]);
    },
  );

  it('stops on an unknown backend with one line, before writing anything', async () => {
    const work = await workDir('backend');
    await rawImage(10, 10, 3).png().toFile(join(work, 'a.png'));
    const result = await runCli(
      ['upscale', 'a.png', '--scale', '2', '--weights', weights, '--backend', 'warp-drive'],
      work,
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("Unknown backend 'warp-drive'");
    expect(await readdir(work)).toEqual(['a.png']);
  });

  it('exits 2 with the usage line on usage errors', async () => {
    const cases = [
      ['upscale', 'a.png'],
      ['upscale', 'a.png', '--scale', '2', '--width', '10'],
      ['upscale', 'a.png', '--scale', 'two'],
      ['upscale', 'a.png', '--scale', '0.5'],
      ['upscale', 'a.png', '--scale', '2', '--format', 'bmp'],
      ['upscale', 'a.png', '--scale', '2', '-o', 'a.bmp'],
      ['upscale', 'a.png', '--scale', '2', '-o', 'no-extension'],
      ['upscale', 'a.png', '--scale', '2', '--backend-option', 'no-equals-sign'],
      ['upscale', 'a.png', '--scale', '2', '--backend-option', 'backend=reference'],
      ['upscale', 'a.png', '--scale', '2', '--frobnicate'],
      ['upscale', '--scale', '2'],
      ['upscale', 'a.png', 'b.png', '--scale', '2', '-o', 'single.png'],
    ];
    for (const args of cases) {
      const result = await runCli(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('Usage: vdsr upscale');
    }
  });
});

describe('vdsr upscale --ensemble', () => {
  it('upscales with the ensemble it names (alone: 8), as @vdsr/sharp does with that option', async () => {
    const work = await workDir('ensemble');
    await rawImage(16, 12, 3).png().toFile(join(work, 'a.png'));
    const input = await readFile(join(work, 'a.png'));
    const expected = async (ensemble?: 2 | 8) => {
      const png = await upscaleBuffer(
        input,
        { scale: 2 },
        {
          weights: await parseWeights(await readFile(weights)),
          backend: 'reference',
          format: 'png',
          ensemble,
        },
      );
      return sharp(png).raw().toBuffer();
    };
    const output = async (...flags: string[]) => {
      const out = join(work, `out${flags.join('')}.png`);
      const result = await run('upscale', ...flags, join(work, 'a.png'), '--scale', '2', '-o', out);
      expect(result.code, flags.join(' ')).toBe(0);
      return sharp(out).raw().toBuffer();
    };
    const plain = await output();
    expect(plain).toEqual(await expected());
    // Alone, before the input: takes 8, and the input stays an input.
    expect(await output('--ensemble')).toEqual(await expected(8));
    const two = await output('--ensemble', '2');
    expect(two).toEqual(await expected(2));
    expect(two).not.toEqual(plain);
    const bad = await run('upscale', join(work, 'a.png'), '--scale', '2', '--ensemble', '5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Expected one of 1, 2, 4, 8 for --ensemble but received '5'");
  });
});
