import { describe, expect, it } from 'vitest';
import { seededRandom } from '../weights/random.js';
import { psnr, ssim } from './image.js';
import { metricLumaPlane } from './luma.js';
import { psnrPlane } from './psnr.js';
import { ssimPlane } from './ssim.js';

function randomRgb(width: number, height: number, seed: number) {
  const rand = seededRandom(seed);
  const data = Uint8Array.from({ length: width * height * 3 }, () => Math.floor(rand() * 256));
  return { width, height, channels: 3 as const, data };
}

describe('psnr and ssim on images', () => {
  const a = randomRgb(24, 20, 1);
  const b = { ...a, data: a.data.map((v, i) => Math.min(255, v + (i % 7))) };

  it('compare the metric luma planes with the shave', () => {
    const [ya, yb] = [metricLumaPlane(a), metricLumaPlane(b)];
    expect(psnr(a, b, { shave: 3 })).toBe(psnrPlane(ya, yb, 24, 20, 3));
    expect(ssim(a, b, { shave: 3 })).toBe(ssimPlane(ya, yb, 24, 20, 3));
    expect(psnr(a, b)).toBe(psnrPlane(ya, yb, 24, 20, 0));
  });

  it('ignore colour differences that keep luma', () => {
    const grey = { width: 24, height: 20, channels: 1 as const, data: Uint8Array.from(metricLumaPlane(a)) };
    expect(psnr(a, grey)).toBeGreaterThan(100);
    expect(ssim(a, grey)).toBeCloseTo(1, 9);
  });

  it('reject images of different sizes and bad options with E_ARG', () => {
    const c = randomRgb(20, 24, 2);
    expect(() => psnr(a, c)).toThrow(/b of 24 x 20 \(the size of a\) but received 20 x 24/);
    expect(() => ssim(a, { ...a, data: new Uint8Array(3) })).toThrow(/b.data of length 1440/);
    expect(() => psnr(a, b, 3 as never)).toThrow(/options but received number 3/);
    expect(() => ssim(a, b, { shave: 0.5 })).toThrow(/shave/);
  });
});
