import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upscaleBuffer } from './buffer.js';
import { upscaleFile } from './file.js';
import { gradient, grey, rotatedJpeg, sixteenBit, testOptions } from './test-images.js';

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="vdsr-test"/></rdf:RDF></x:xmpmeta>';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vdsr-sharp-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('upscaleFile', () => {
  const inputs = {
    'RGBA PNG': () => gradient(16, 12, 4).png().toBuffer(),
    'grey PNG': () => grey(12, 8).png().toBuffer(),
    'grey + alpha PNG': () => grey(12, 8, true).png().toBuffer(),
    '16-bit grey PNG': () => grey(12, 8, false, true).png().toBuffer(),
    '16-bit RGBA PNG': () => sixteenBit(12, 8).png().toBuffer(),
    '16-bit RGBA TIFF': () => sixteenBit(12, 8).tiff({ compression: 'lzw' }).toBuffer(),
    'rotated JPEG with EXIF': () => rotatedJpeg(24, 16),
    'JPEG with ICC, XMP and density': () =>
      gradient(16, 12).withIccProfile('p3').withXmp(XMP).withMetadata({ density: 300 }).jpeg().toBuffer(),
  };

  it.each(Object.entries(inputs))('writes the bytes upscaleBuffer gives: %s', async (name, make) => {
    const input = await make();
    const { format } = await sharp(input).metadata();
    const path = join(dir, `${name.replaceAll(' ', '-')}.${format}`);
    const info = await upscaleFile(input, path, { scale: 2 }, testOptions);
    const expected = await upscaleBuffer(input, { scale: 2 }, testOptions);
    const written = await readFile(path);
    expect(written.equals(expected)).toBe(true);
    expect(info).toMatchObject({ size: expected.length });
  });

  it('takes the format from the extension, options.format first', async () => {
    const png = await gradient(16, 12, 4).png().toBuffer();
    await upscaleFile(png, join(dir, 'a.webp'), { width: 24 }, testOptions);
    expect(await sharp(join(dir, 'a.webp')).metadata()).toMatchObject({
      format: 'webp',
      width: 24,
      height: 18,
    });
    await upscaleFile(png, join(dir, 'b.JPG'), { scale: 2 }, testOptions);
    expect((await sharp(join(dir, 'b.JPG')).metadata()).format).toBe('jpeg');
    await upscaleFile(png, join(dir, 'c.img'), { scale: 2 }, { ...testOptions, format: 'png' });
    expect((await sharp(join(dir, 'c.img')).metadata()).format).toBe('png');
  });

  it('replaces an existing file, and leaves no temporary file behind', async () => {
    const path = join(dir, 'replaced.png');
    await writeFile(path, 'old');
    await upscaleFile(await grey(12, 8).png().toBuffer(), path, { scale: 2 }, testOptions);
    expect((await sharp(path).metadata()).width).toBe(24);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects bad arguments before reading anything', async () => {
    const png = await gradient(8, 8).png().toBuffer();
    await expect(upscaleFile(png, '' as never, { scale: 2 }, testOptions)).rejects.toMatchObject({
      code: 'E_ARG',
      message: "Expected a file path for outputPath but received string ''",
    });
    await expect(upscaleFile(png, join(dir, 'x.bmp'), { scale: 2 }, testOptions)).rejects.toMatchObject({
      code: 'E_ARG',
      message: expect.stringMatching(/^Expected a file name ending in \.jpeg, \.png, .* for outputPath/),
    });
    await expect(
      upscaleFile(png, join(dir, 'x.raw'), { scale: 2 }, { ...testOptions, format: 'raw' }),
    ).rejects.toMatchObject({
      code: 'E_ARG',
      message: expect.stringMatching(
        /^Expected one of jpeg, png, .* \(raw pixels: upscaleBuffer\) for options.format/,
      ),
    });
    await expect(upscaleFile(png, join(dir, 'x.png'), { scale: 2 }, 'fast' as never)).rejects.toMatchObject({
      code: 'E_ARG',
    });
    await expect(upscaleFile(Buffer.alloc(0), join(dir, 'x.png'), { scale: 2 })).rejects.toMatchObject({
      code: 'E_ARG',
    });
  });

  describe('when it fails or is aborted', () => {
    const leftovers = async (sub: string) => readdir(join(dir, sub));

    it('removes its temporary files and writes nothing on abort', async () => {
      const sub = join(dir, 'aborted');
      await rm(sub, { recursive: true, force: true });
      await import('node:fs/promises').then((fs) => fs.mkdir(sub));
      const controller = new AbortController();
      const upscaling = upscaleFile(
        await gradient(64, 48).png().toBuffer(),
        join(sub, 'out.png'),
        { scale: 2 },
        {
          ...testOptions,
          tileSize: 16,
          // Aborted once the first tiles ran: the carrier file exists by then.
          onProgress: ({ tile }) => {
            if (tile === 2) controller.abort();
          },
          signal: controller.signal,
        },
      );
      await expect(upscaling).rejects.toMatchObject({ code: 'E_ABORTED' });
      expect(await leftovers('aborted')).toEqual([]);
    });

    it('removes its temporary files when the output cannot be written', async () => {
      const sub = join(dir, 'blocked');
      await import('node:fs/promises').then((fs) => fs.mkdir(join(sub, 'out.png'), { recursive: true }));
      const writing = upscaleFile(
        await grey(12, 8).png().toBuffer(),
        join(sub, 'out.png'),
        { scale: 2 },
        testOptions,
      );
      await expect(writing).rejects.toMatchObject({
        code: 'E_IO',
        message: expect.stringContaining('out.png'),
      });
      expect(await leftovers('blocked')).toEqual(['out.png']);
    });

    it('says E_IO for a directory that does not exist', async () => {
      const path = join(dir, 'missing', 'out.png');
      await expect(
        upscaleFile(await grey(12, 8).png().toBuffer(), path, { scale: 2 }, testOptions),
      ).rejects.toMatchObject({ code: 'E_IO', message: expect.stringContaining('missing') });
    });
  });
});
