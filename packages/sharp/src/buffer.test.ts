import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { upscaleBuffer } from './buffer.js';
import { gradient, grey, rotatedJpeg, sixteenBit, testOptions } from './test-images.js';

const XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="vdsr-test"/></rdf:RDF></x:xmpmeta>';

describe('upscaleBuffer', () => {
  it('writes the input format by default, another when asked', async () => {
    const png = await gradient(16, 12, 4).png().toBuffer();
    const same = await upscaleBuffer(png, { scale: 2 }, testOptions);
    expect(same).toBeInstanceOf(Buffer);
    expect(await sharp(same).metadata()).toMatchObject({
      format: 'png',
      width: 32,
      height: 24,
      hasAlpha: true,
    });
    const webp = await upscaleBuffer(png, { width: 24 }, { ...testOptions, format: 'webp' });
    expect(await sharp(webp).metadata()).toMatchObject({
      format: 'webp',
      width: 24,
      height: 18,
      hasAlpha: true,
    });
    const jpg = await upscaleBuffer(new Uint8Array(png), { scale: 2 }, { ...testOptions, format: 'jpg' });
    expect((await sharp(jpg).metadata()).format).toBe('jpeg');
  });

  it('writes AVIF for AVIF', async () => {
    const avif = await upscaleBuffer(
      await gradient(16, 12).png().toBuffer(),
      { scale: 2 },
      { ...testOptions, format: 'avif' },
    );
    expect(await sharp(avif).metadata()).toMatchObject({
      format: 'heif',
      compression: 'av1',
      width: 32,
      height: 24,
    });
    const again = await upscaleBuffer(avif, { scale: 2 }, testOptions);
    expect(await sharp(again).metadata()).toMatchObject({
      format: 'heif',
      compression: 'av1',
      width: 64,
      height: 48,
    });
  });

  it('keeps 16-bit PNG and TIFF at 16 bits, with alpha', async () => {
    for (const format of ['png', 'tiff'] as const) {
      const input = await sixteenBit(12, 8)
        .toFormat(format, format === 'tiff' ? { compression: 'lzw' } : {})
        .toBuffer();
      const output = await upscaleBuffer(input, { scale: 2 }, testOptions);
      expect(await sharp(output).metadata()).toMatchObject({
        format,
        depth: 'ushort',
        channels: 4,
        width: 24,
        height: 16,
      });
    }
  });

  it('keeps grey PNGs grey, at 8 or 16 bits', async () => {
    const output = await upscaleBuffer(await grey(12, 8, true).png().toBuffer(), { scale: 2 }, testOptions);
    expect(await sharp(output).metadata()).toMatchObject({ channels: 2, space: 'b-w', hasAlpha: true });
    const deep = await upscaleBuffer(
      await grey(12, 8, false, true).png().toBuffer(),
      { scale: 2 },
      testOptions,
    );
    expect(await sharp(deep).metadata()).toMatchObject({ channels: 1, space: 'grey16', depth: 'ushort' });
  });

  it('writes a rotated JPEG upright, keeping its EXIF with orientation 1', async () => {
    const output = await upscaleBuffer(await rotatedJpeg(24, 16), { scale: 2 }, testOptions);
    const meta = await sharp(output).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 32, height: 48 });
    expect(meta.orientation ?? 1).toBe(1);
    expect(meta.exif!.includes('vdsr test')).toBe(true);
  });

  it('keeps the ICC profile, XMP and density', async () => {
    const input = await gradient(16, 12)
      .withIccProfile('p3')
      .withXmp(XMP)
      .withMetadata({ density: 300 })
      .jpeg()
      .toBuffer();
    const inputMeta = await sharp(input).metadata();
    const meta = await sharp(await upscaleBuffer(input, { scale: 2 }, testOptions)).metadata();
    expect(meta.icc).toEqual(inputMeta.icc);
    expect(meta.xmp!.toString()).toContain('vdsr-test');
    expect(meta.density).toBe(300);
  });

  it('writes PNG for inputs sharp cannot write, unless a format is asked for', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="6"><rect width="8" height="6" fill="#c33"/></svg>',
    );
    const png = await upscaleBuffer(svg, { scale: 2 }, testOptions);
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 16, height: 12 });
    const webp = await upscaleBuffer(svg, { scale: 2 }, { ...testOptions, format: 'webp' });
    expect(await sharp(webp).metadata()).toMatchObject({ format: 'webp', width: 16, height: 12 });
  });

  it('rejects bad arguments', async () => {
    await expect(upscaleBuffer('a.png' as never, { scale: 2 })).rejects.toMatchObject({
      code: 'E_ARG',
      message: "Expected a Buffer holding an encoded image for input but received string 'a.png'",
    });
    const png = await gradient(8, 8).png().toBuffer();
    await expect(
      upscaleBuffer(png, { scale: 2 }, { ...testOptions, format: 'bmp' as never }),
    ).rejects.toMatchObject({
      code: 'E_ARG',
      message: expect.stringMatching(
        /^Expected one of .*webp.* \(what this sharp build writes\) for options.format but received string 'bmp'$/,
      ),
    });
    await expect(upscaleBuffer(Buffer.from('nope'), { scale: 2 }, testOptions)).rejects.toMatchObject({
      code: 'E_IO',
    });
  });
});
