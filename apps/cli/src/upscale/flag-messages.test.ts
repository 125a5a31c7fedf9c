import {
  createRandomWeights,
  type ResizeTarget,
  referenceBackend,
  upscale,
  upscaleSize,
  VdsrError,
} from '@vdsr/core';
import { planUpscaleBuffer } from '@vdsr/sharp';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { TINY_NETWORK } from '../test-support/harness.js';
import { inFlagTerms, targetFlags } from './flag-messages.js';

/** What the CLI says for the core's error on sizing `width` x `height` to `target`. */
function sizeMessage(width: number, height: number, target: ResizeTarget): unknown {
  try {
    upscaleSize({ width, height }, target);
  } catch (error) {
    return inFlagTerms(error, target);
  }
  throw new Error('expected a failure');
}

describe('inFlagTerms', () => {
  it("words the core's scale limit with the flag to lower, and how far", () => {
    expect(sizeMessage(20, 10, { width: 1000 })).toMatchObject({
      code: 'E_LIMIT',
      message: "--width 1000 scales the image by more than vdsr's limit of 8: ask for --width 160 or less",
      cause: expect.any(VdsrError),
    });
    expect(sizeMessage(20, 10, { height: 90 })).toHaveProperty(
      'message',
      expect.stringContaining('ask for --height 80 or less'),
    );
    expect(sizeMessage(20, 10, { width: 40, height: 90 })).toHaveProperty(
      'message',
      "--width 40 --height 90 scales the image by more than vdsr's limit of 8: ask for --height 80 or less",
    );
  });

  it('says a size that does not enlarge, and the least that does', () => {
    expect(sizeMessage(20, 10, { width: 30, height: 10 })).toMatchObject({
      code: 'E_ARG',
      message:
        '--width 30 --height 10 does not enlarge the image (vdsr only upscales): ask for --height 11 or more',
    });
  });

  it('names the output limit, whatever the input limit is', () => {
    expect(sizeMessage(60000, 60000, { scale: 2 })).toMatchObject({
      code: 'E_LIMIT',
      message:
        "--scale 2 makes an output of 14400000000 pixels, more than vdsr's output limit (268435456 pixels): ask for a smaller output",
    });
  });

  it("words @vdsr/sharp's input limit with --limit-input-pixels", async () => {
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const error = await planUpscaleBuffer(png, { scale: 2 }, { limitInputPixels: 500 }).catch(
      (e: unknown) => e,
    );
    expect(inFlagTerms(error, { scale: 2 })).toMatchObject({
      code: 'E_LIMIT',
      message:
        'the image has 600 pixels, more than the input limit of 500 (--limit-input-pixels); raise it with --limit-input-pixels N (0 for no limit)',
    });
  });

  it("words the core's smallest tile with --tile", async () => {
    const session = await referenceBackend.createSession(createRandomWeights(1, TINY_NETWORK));
    const image = { width: 4, height: 4, channels: 1 as const, data: new Uint8Array(16) };
    const error = await upscale(image, { scale: 2 }, { session, tileSize: 1 }).catch((e) => e);
    expect(inFlagTerms(error, { scale: 2 })).toMatchObject({
      code: 'E_ARG',
      message:
        "Expected --tile 16 or more (the 20 px halo would cost over ten times a smaller tile's own work) but received --tile 1",
    });
  });

  it('leaves other errors as they are', () => {
    const plain = new Error('disk on fire');
    expect(inFlagTerms(plain, { scale: 2 })).toBe(plain);
    const io = new VdsrError('E_IO', 'cannot read');
    expect(inFlagTerms(io, { scale: 2 })).toBe(io);
    expect(targetFlags({ width: 640, height: 480 })).toBe('--width 640 --height 480');
  });
});
