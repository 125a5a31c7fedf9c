import { crc32, deflateSync } from 'node:zlib';
import { DEFAULT_MAX_OUTPUT_PIXELS, isVdsrError, type VdsrError } from '@vdsr/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { planUpscaleBuffer, upscaleBuffer } from './buffer.js';
import { outputFormat, outputFormats } from './format.js';
import { gradient, testOptions } from './test-images.js';
import { upscale } from './upscale.js';

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG whose header says `side` x `side` grey pixels, with a few hundred bytes of image data. */
function pngBomb(side: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(side + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<VdsrError> {
  try {
    await promise;
  } catch (error) {
    return error as VdsrError;
  }
  throw new Error('expected a rejection');
}

describe('hostile input', () => {
  it('refuses a PNG bomb from its header, whatever limitInputPixels says, naming the limit', async () => {
    const bomb = pngBomb(60000);
    expect(bomb.length).toBeLessThan(1000);
    const error = await failure(
      upscaleBuffer(bomb, { scale: 2 }, { ...testOptions, limitInputPixels: false }),
    );
    expect(error).toMatchObject({
      code: 'E_LIMIT',
      message: expect.stringContaining('(maxOutputPixels)'),
      details: {
        option: 'target',
        limit: 'maxOutputPixels',
        value: 120000 ** 2,
        max: DEFAULT_MAX_OUTPUT_PIXELS,
      },
    });
    // With the default limit, the input's own size is what is refused first.
    expect(await failure(upscaleBuffer(bomb, { scale: 2 }, testOptions))).toMatchObject({
      code: 'E_LIMIT',
      details: { option: 'limitInputPixels', limit: 'limitInputPixels', value: 60000 ** 2, max: 0x3fff ** 2 },
    });
  });

  it('rejects only with VdsrError, a code and the original error as cause', async () => {
    const png = await gradient(8, 8).png().toBuffer();
    const cases: [() => Promise<unknown>, string][] = [
      [() => upscaleBuffer(Buffer.alloc(0), { scale: 2 }, testOptions), 'E_ARG'],
      [() => upscaleBuffer(Buffer.from('not an image at all'), { scale: 2 }, testOptions), 'E_IO'],
      [() => upscaleBuffer(png.subarray(0, 60), { scale: 2 }, testOptions), 'E_IO'],
      [() => upscaleBuffer(png, { scale: 2 }, { ...testOptions, background: 'no-such-colour' }), 'E_ARG'],
      [() => upscale(sharp(Buffer.from('junk')), { scale: 2 }, testOptions), 'E_IO'],
    ];
    for (const [start, code] of cases) {
      const error = await failure(start());
      expect(isVdsrError(error), String(error)).toBe(true);
      expect(error.code).toBe(code);
      if (code === 'E_IO') expect(error.cause).toBeInstanceOf(Error);
    }
  });

  it('upscales one page of an animated image, the one asked for', async () => {
    const frames = await Promise.all(
      ['#ff0000', '#00ff00', '#0000ff'].map((background) =>
        sharp({ create: { width: 6, height: 4, channels: 3, background } })
          .png()
          .toBuffer(),
      ),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    const first = await upscaleBuffer(gif, { scale: 2 }, { ...testOptions, format: 'png' });
    const third = await upscaleBuffer(gif, { scale: 2 }, { ...testOptions, format: 'png', page: 2 });
    const centre = async (png: Buffer) => [
      ...(await sharp(png).extract({ left: 6, top: 4, width: 1, height: 1 }).raw().toBuffer()),
    ];
    const [r1, , b1] = await centre(first);
    const [r3, , b3] = await centre(third);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    expect(b3).toBeGreaterThan(200);
    expect(r3).toBeLessThan(60);
    expect(await sharp(third).metadata()).toMatchObject({ width: 12, height: 8 });
    expect(await planUpscaleBuffer(gif, { scale: 2 }, { page: 2 })).toEqual({
      format: 'gif',
      width: 12,
      height: 8,
      inputWidth: 6,
      inputHeight: 4,
      pages: 3,
    });
    expect(await failure(upscaleBuffer(gif, { scale: 2 }, { ...testOptions, page: 3 }))).toMatchObject({
      code: 'E_ARG',
      details: { option: 'options.page', value: 3, max: 2 },
    });
  });

  it('flattens alpha onto white for JPEG, or onto the background asked for', async () => {
    const transparent = await sharp({
      create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const pixel = async (jpeg: Buffer) => [
      ...(await sharp(jpeg).extract({ left: 8, top: 8, width: 1, height: 1 }).raw().toBuffer()),
    ];
    const white = await upscaleBuffer(transparent, { scale: 2 }, { ...testOptions, format: 'jpeg' });
    for (const v of await pixel(white)) expect(v).toBeGreaterThan(245);
    const red = await upscaleBuffer(
      transparent,
      { scale: 2 },
      { ...testOptions, format: 'jpg', background: '#ff0000' },
    );
    const [r, g, b] = await pixel(red);
    expect([r! > 230, g! < 30, b! < 30]).toEqual([true, true, true]);
  });

  it('writes HEIF input as HEIF only where sharp has an HEVC encoder, else as PNG', async () => {
    const heif = (await outputFormats()).includes('heif');
    expect(await outputFormat(undefined, { format: 'heif', compression: 'hevc' })).toBe(
      heif ? 'heif' : 'png',
    );
    expect(await outputFormat(undefined, { format: 'heif', compression: 'av1' })).toBe('avif');
    expect(await outputFormat('jpg', { format: 'png' })).toBe('jpeg');
    expect(await outputFormat(undefined, { format: 'svg' })).toBe('png');
  });
});
