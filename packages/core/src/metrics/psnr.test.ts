import { describe, expect, it } from 'vitest';
import { seededRandom } from '../weights/random.js';
import { psnrPlane } from './psnr.js';

function noisy(base: Float32Array, amplitude: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  return base.map((v) => v + (rand() * 2 - 1) * amplitude);
}

describe('psnrPlane', () => {
  it('is 20 log10(255 / d) for a constant difference d', () => {
    const a = new Float32Array(30).fill(100);
    for (const d of [1, 2.5, 10]) {
      expect(
        psnrPlane(
          a,
          a.map((v) => v + d),
          6,
          5,
        ),
      ).toBeCloseTo(20 * Math.log10(255 / d), 10);
    }
  });

  it('averages squared errors over the compared pixels only', () => {
    // 4 x 4, shave 1: the inner 2 x 2 differ by 0, 0, 3, 4 -> MSE 25 / 4.
    const a = new Float32Array(16);
    const b = new Float32Array(16).fill(50);
    b.set([0, 0], 5);
    b.set([3, 4], 9);
    expect(psnrPlane(a, b, 4, 4, 1)).toBeCloseTo(10 * Math.log10((255 * 255) / (25 / 4)), 10);
  });

  it('is Infinity for identical regions and ignores shaved borders', () => {
    const a = noisy(new Float32Array(64).fill(128), 50, 1);
    const b = Float32Array.from(a);
    expect(psnrPlane(a, b, 8, 8)).toBe(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 8; i++) b[i] = 0;
    expect(psnrPlane(a, b, 8, 8)).toBeLessThan(30);
    expect(psnrPlane(a, b, 8, 8, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is symmetric and falls as noise grows', () => {
    const a = noisy(new Float32Array(400).fill(128), 60, 2);
    const small = noisy(a, 2, 3);
    const large = noisy(a, 20, 3);
    expect(psnrPlane(a, small, 20, 20)).toBe(psnrPlane(small, a, 20, 20));
    expect(psnrPlane(a, small, 20, 20)).toBeGreaterThan(psnrPlane(a, large, 20, 20) + 15);
  });

  it('validates planes, size and shave with E_ARG', () => {
    const a = new Float32Array(16);
    expect(() => psnrPlane(a, new Float32Array(15), 4, 4)).toThrow(/length 16 \(4 x 4\) for b/);
    expect(() => psnrPlane(a, a, 4, 4, -1)).toThrow(/non-negative integer for shave but received number -1/);
    expect(() => psnrPlane(a, a, 4, 4, 2)).toThrow(/shaving 2 .* 4 x 4 leaves 0 x 0/);
    expect(() => psnrPlane(a, a, 0, 4)).toThrow(/width/);
    expect(() => psnrPlane(Array.from(a) as never, a, 4, 4)).toThrow(/for a but received array/);
  });
});
