import { Readable } from 'node:stream';
import { createUpscaler, type Upscaler, VdsrError } from '@vdsr/core';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradient, grey, mean, rotatedJpeg, sixteenBit, testOptions, testWeights } from './test-images.js';
import { upscale } from './upscale.js';

let upscaler: Upscaler;
beforeAll(async () => {
  upscaler = await createUpscaler({ weights: testWeights, backend: 'reference' });
});
afterAll(() => upscaler.dispose());

async function raw(image: Sharp) {
  return image.raw().toBuffer({ resolveWithObject: true });
}

describe('upscale', () => {
  it('returns a new sharp instance of the upscaled pixels, exactly what the core computes', async () => {
    const input = sharp(await gradient(16, 12).png().toBuffer());
    const result = await upscale(input, { scale: 2 }, testOptions);
    expect(result).toBeInstanceOf(sharp);
    expect(result).not.toBe(input);

    const { data, info } = await raw(result);
    expect(info).toMatchObject({ width: 32, height: 24, channels: 3 });
    const decoded = await raw(input.clone());
    const expected = await upscaler.upscale(
      { width: 16, height: 12, channels: 3, data: new Uint8Array(decoded.data) },
      { scale: 2 },
    );
    expect(new Uint8Array(data)).toEqual(new Uint8Array(expected.data));
  });

  it('passes ensemble on to the core: the same pixels, progress after every pass', async () => {
    const input = sharp(await gradient(16, 12).png().toBuffer());
    const decoded = await raw(input.clone());
    const image = { width: 16, height: 12, channels: 3 as const, data: new Uint8Array(decoded.data) };
    const passes: (number | undefined)[] = [];
    const onProgress = (p: { pass?: number }) => passes.push(p.pass);
    const result = await upscale(input, { scale: 2 }, { ...testOptions, ensemble: 4, onProgress });
    const expected = await upscaler.upscale(image, { scale: 2 }, { ensemble: 4 });
    expect(new Uint8Array((await raw(result)).data)).toEqual(new Uint8Array(expected.data));
    expect(passes).toEqual([1, 2, 3, 4]);
    const reused = await upscale(input, { scale: 2 }, { upscaler, ensemble: true });
    const eight = await upscaler.upscale(image, { scale: 2 }, { ensemble: 8 });
    expect(new Uint8Array((await raw(reused)).data)).toEqual(new Uint8Array(eight.data));
    expect(eight.data).not.toEqual(expected.data);
    await expect(
      upscale(input, { scale: 2 }, { ...testOptions, ensemble: 3 as never }),
    ).rejects.toMatchObject({
      code: 'E_ARG',
      message:
        'Expected true, false or a number of transforms: 1, 2, 4 or 8 for ensemble but received number 3',
    });
  });

  it('keeps chaining: other formats, further operations', async () => {
    const result = await upscale(sharp(await gradient(16, 12).png().toBuffer()), { width: 40 }, testOptions);
    const webp = await result.webp({ lossless: true }).toBuffer();
    expect(await sharp(webp).metadata()).toMatchObject({ format: 'webp', width: 40, height: 30 });
  });

  it('honours width and height targets', async () => {
    const png = await gradient(16, 12).png().toBuffer();
    const byHeight = await raw(await upscale(sharp(png), { height: 30 }, testOptions));
    expect(byHeight.info).toMatchObject({ width: 40, height: 30 });
    const both = await raw(await upscale(sharp(png), { width: 33, height: 19 }, testOptions));
    expect(both.info).toMatchObject({ width: 33, height: 19 });
  });

  it('takes a sharp instance fed by a stream', async () => {
    const input = sharp();
    Readable.from([await gradient(16, 12).png().toBuffer()]).pipe(input);
    const { info } = await raw(await upscale(input, { scale: 2 }, testOptions));
    expect(info).toMatchObject({ width: 32, height: 24 });
  });

  it('upscales what the input pipeline gives', async () => {
    const input = sharp(await gradient(16, 12).png().toBuffer()).extract({
      left: 4,
      top: 2,
      width: 8,
      height: 6,
    });
    const { info } = await raw(await upscale(input, { scale: 3 }, testOptions));
    expect(info).toMatchObject({ width: 24, height: 18 });
  });

  it('keeps alpha', async () => {
    const input = sharp(await gradient(16, 12, 4).png().toBuffer());
    const { data, info } = await raw(await upscale(input, { scale: 2 }, testOptions));
    expect(info).toMatchObject({ width: 32, height: 24, channels: 4 });
    // The alpha ramp (transparent on the left) survives the resize.
    const side = { top: 0, width: 6, height: 24 };
    expect(mean(data, 32, 4, 3, { ...side, left: 0 })).toBeLessThan(40);
    expect(mean(data, 32, 4, 3, { ...side, left: 26 })).toBeGreaterThan(215);
  });

  it('keeps grey images grey, with and without alpha', async () => {
    const plain = await upscale(sharp(await grey(12, 8).png().toBuffer()), { scale: 2 }, testOptions);
    const plainPng = await plain.png().toBuffer();
    expect(await sharp(plainPng).metadata()).toMatchObject({
      channels: 1,
      space: 'b-w',
      width: 24,
      height: 16,
    });
    const withAlpha = await upscale(
      sharp(await grey(12, 8, true).png().toBuffer()),
      { scale: 2 },
      testOptions,
    );
    const withAlphaPng = await withAlpha.png().toBuffer();
    expect(await sharp(withAlphaPng).metadata()).toMatchObject({ channels: 2, hasAlpha: true, space: 'b-w' });
  });

  it('keeps 16 bits: decoded as float, written as 16-bit', async () => {
    const input = sharp(await sixteenBit(12, 8).png().toBuffer());
    const result = await upscale(input, { scale: 2 }, testOptions);
    const png = await result.png().toBuffer();
    expect(await sharp(png).metadata()).toMatchObject({
      depth: 'ushort',
      channels: 4,
      width: 24,
      height: 16,
    });

    const decoded = await input.clone().toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer();
    const samples = new Uint16Array(decoded.buffer, decoded.byteOffset, decoded.length / 2);
    const expected = await upscaler.upscale(
      { width: 12, height: 8, channels: 4, data: Float32Array.from(samples, (v) => v / 257) },
      { scale: 2 },
    );
    const out = await sharp(png).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer();
    const outSamples = new Uint16Array(out.buffer, out.byteOffset, out.length / 2);
    expect([...outSamples]).toEqual(Array.from(expected.data, (v) => Math.round(v * 257)));
    expect(outSamples.some((v) => v % 257 !== 0)).toBe(true);
  });

  it('applies the EXIF orientation first', async () => {
    const jpeg = await rotatedJpeg(24, 16);
    const result = await upscale(sharp(jpeg), { scale: 2 }, testOptions);
    const { data, info } = await raw(result.clone());
    expect(info).toMatchObject({ width: 32, height: 48 });
    // Turned clockwise: the red left side is now on top, the blue right side at the bottom.
    const top = { left: 0, top: 0, width: 32, height: 16 };
    const bottom = { left: 0, top: 32, width: 32, height: 16 };
    expect(mean(data, 32, 3, 0, top)).toBeGreaterThan(mean(data, 32, 3, 2, top) + 100);
    expect(mean(data, 32, 3, 2, bottom)).toBeGreaterThan(mean(data, 32, 3, 0, bottom) + 100);
    // Kept EXIF must not turn it again.
    const kept = await sharp(await result.keepExif().jpeg().toBuffer()).metadata();
    expect(kept.orientation ?? 1).toBe(1);
    expect(kept.exif!.includes('vdsr test')).toBe(true);
  });

  it('carries the ICC profile for keepIccProfile, and converts to sRGB by default as sharp does', async () => {
    const png = await gradient(16, 12).withIccProfile('p3').png().toBuffer();
    const { icc } = await sharp(png).metadata();
    const result = await upscale(sharp(png), { scale: 2 }, testOptions);
    const kept = await result.clone().keepIccProfile().png().toBuffer();
    expect((await sharp(kept).metadata()).icc).toEqual(icc);
    const converted = await result.clone().png().toBuffer();
    expect((await sharp(converted).metadata()).icc).toBeUndefined();
    // The network saw the pixels as the profile describes them, unconverted.
    const decoded = await sharp(png).keepIccProfile().raw().toBuffer();
    const expected = await upscaler.upscale(
      { width: 16, height: 12, channels: 3, data: new Uint8Array(decoded) },
      { scale: 2 },
    );
    const out = await result.clone().keepIccProfile().raw().toBuffer();
    expect(new Uint8Array(out)).toEqual(new Uint8Array(expected.data));
  });

  it('reuses a given upscaler without disposing it', async () => {
    const png = await gradient(16, 12).png().toBuffer();
    await upscale(sharp(png), { scale: 2 }, { upscaler });
    await upscale(sharp(png), { scale: 2 }, { upscaler });
    await expect(
      upscaler.upscale({ width: 2, height: 2, channels: 1, data: new Uint8Array(4) }, { scale: 2 }),
    ).resolves.toBeDefined();
  });

  it('passes progress, tile size and abort signals to the core', async () => {
    const png = await gradient(16, 12).png().toBuffer();
    const fractions: number[] = [];
    await upscale(
      sharp(png),
      { scale: 2 },
      { ...testOptions, tileSize: 16, onProgress: (p) => fractions.push(p.fraction) },
    );
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(
      upscale(sharp(png), { scale: 2 }, { ...testOptions, signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'E_ABORTED',
    });
  });
});

describe('upscale arguments', () => {
  const png = () => gradient(8, 8).png().toBuffer();

  it('rejects what is not a sharp instance, in sharp style', async () => {
    const error = await upscale('photo.jpg' as never, { scale: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VdsrError);
    expect(error).toMatchObject({
      code: 'E_ARG',
      message: "Expected a sharp instance (sharp >= 0.34) for image but received string 'photo.jpg'",
    });
  });

  it('rejects bad options', async () => {
    const image = sharp(await png());
    await expect(upscale(image, { scale: 2 }, 5 as never)).rejects.toMatchObject({ code: 'E_ARG' });
    await expect(upscale(image, { scale: 2 }, { backend: 3 as never })).rejects.toMatchObject({
      message: "Expected a backend name or 'auto' for options.backend but received number 3",
    });
    await expect(upscale(image, { scale: 2 }, { upscaler: {} as never })).rejects.toMatchObject({
      code: 'E_ARG',
    });
    await expect(upscale(image, { scale: 2 }, { upscaler, weights: testWeights })).rejects.toMatchObject({
      code: 'E_ARG',
    });
    await expect(upscale(image, { scale: 2 }, { limitInputPixels: -1 })).rejects.toMatchObject({
      message:
        'Expected a positive integer, 0 or a boolean for options.limitInputPixels but received number -1',
    });
    await expect(upscale(image, { scale: 2 }, { ...testOptions, tileSize: -3 })).rejects.toMatchObject({
      code: 'E_ARG',
    });
  });

  it('rejects targets the core refuses', async () => {
    await expect(upscale(sharp(await png()), { scale: 0.5 }, testOptions)).rejects.toMatchObject({
      code: 'E_ARG',
    });
    await expect(upscale(sharp(await png()), {} as never, testOptions)).rejects.toMatchObject({
      code: 'E_ARG',
    });
  });

  it('enforces limitInputPixels on the input, before decoding', async () => {
    const image = sharp(await png());
    await expect(
      upscale(image, { scale: 2 }, { ...testOptions, limitInputPixels: 63 }),
    ).rejects.toMatchObject({
      code: 'E_LIMIT',
      message: 'Expected an input of at most 63 pixels (limitInputPixels) but received 8 x 8 = 64 pixels',
    });
    await expect(
      upscale(image, { scale: 2 }, { ...testOptions, limitInputPixels: 64 }),
    ).resolves.toBeDefined();
    await expect(
      upscale(image, { scale: 2 }, { ...testOptions, limitInputPixels: false }),
    ).resolves.toBeDefined();
  });

  it('rejects pipelines of several pages, upscales one page', async () => {
    const frame = (background: string) => sharp({ create: { width: 8, height: 6, channels: 3, background } });
    const frames = await Promise.all(['#f00', '#0f0', '#00f'].map((c) => frame(c).png().toBuffer()));
    const animated = await sharp(frames, { join: { animated: true } })
      .webp()
      .toBuffer();
    await expect(
      upscale(sharp(animated, { animated: true }), { scale: 2 }, testOptions),
    ).rejects.toMatchObject({
      code: 'E_ARG',
      message: expect.stringContaining('Expected a single page for image but received 3 pages of 8 x 6'),
    });
    const { info } = await raw(await upscale(sharp(animated, { page: 1 }), { scale: 2 }, testOptions));
    expect(info).toMatchObject({ width: 16, height: 12 });
  });

  it('reports input sharp cannot read as E_IO', async () => {
    await expect(
      upscale(sharp(Buffer.from('not an image')), { scale: 2 }, testOptions),
    ).rejects.toMatchObject({
      code: 'E_IO',
    });
  });
});
