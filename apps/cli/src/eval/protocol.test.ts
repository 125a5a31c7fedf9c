import type { VdsrImage } from '@vdsr/core';
import { describe, expect, it } from 'vitest';
import { degrade, modcrop, score } from './protocol.js';

function image(
  width: number,
  height: number,
  channels: 1 | 3,
  fill: (i: number) => number,
): VdsrImage<Uint8Array> {
  return {
    width,
    height,
    channels,
    data: Uint8Array.from({ length: width * height * channels }, (_, i) => fill(i)),
  };
}

describe('modcrop', () => {
  it('keeps the top-left part whose sides are multiples of the scale', () => {
    const src = image(5, 4, 1, (i) => i);
    const cropped = modcrop(src, 3);
    expect([cropped.width, cropped.height]).toEqual([3, 3]);
    expect([...cropped.data]).toEqual([0, 1, 2, 5, 6, 7, 10, 11, 12]);
    expect(modcrop(src, 1).data).toEqual(src.data);
  });
});

describe('degrade', () => {
  it('shrinks by exactly the scale, to uint8', () => {
    const lr = degrade(
      image(12, 9, 3, (i) => (i * 7) % 256),
      3,
    );
    expect([lr.width, lr.height, lr.channels, lr.data.constructor]).toEqual([4, 3, 3, Uint8Array]);
  });
});

describe('score', () => {
  it('is infinite PSNR and SSIM 1 for identical images, lower for different ones', () => {
    const a = image(24, 24, 3, (i) => (i * 31) % 256);
    expect(score(a, a, 2)).toEqual({ psnr: Number.POSITIVE_INFINITY, ssim: 1 });
    const b = image(24, 24, 3, (i) => ((i * 31) % 256) ^ 4);
    const s = score(b, a, 2);
    expect(s.psnr).toBeGreaterThan(20);
    expect(s.psnr).toBeLessThan(60);
    expect(s.ssim).toBeLessThan(1);
  });
});
