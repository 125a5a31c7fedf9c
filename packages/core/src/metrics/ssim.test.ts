import { describe, expect, it } from 'vitest';
import { seededRandom } from '../weights/random.js';
import { ssimPlane } from './ssim.js';

function randomPlane(length: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  return Float32Array.from({ length }, () => rand() * 255);
}

/** ssim_index.m written out directly: a 2-D window per output pixel, no separability, no reuse. */
function referenceSsim(
  a: Float32Array,
  b: Float32Array,
  width: number,
  height: number,
  shave: number,
): number {
  const g: number[][] = [];
  let total = 0;
  for (let i = 0; i < 11; i++) {
    g.push([]);
    for (let j = 0; j < 11; j++) {
      const v = Math.exp(-((i - 5) ** 2 + (j - 5) ** 2) / (2 * 1.5 ** 2));
      g[i]!.push(v);
      total += v;
    }
  }
  const [c1, c2] = [(0.01 * 255) ** 2, (0.03 * 255) ** 2];
  let sum = 0;
  let count = 0;
  for (let y = shave; y + 11 <= height - shave; y++) {
    for (let x = shave; x + 11 <= width - shave; x++) {
      let [m1, m2, e11, e22, e12] = [0, 0, 0, 0, 0];
      for (let i = 0; i < 11; i++) {
        for (let j = 0; j < 11; j++) {
          const w = g[i]![j]! / total;
          const p = a[(y + i) * width + x + j]!;
          const q = b[(y + i) * width + x + j]!;
          m1 += w * p;
          m2 += w * q;
          e11 += w * p * p;
          e22 += w * q * q;
          e12 += w * p * q;
        }
      }
      const [v1, v2, v12] = [e11 - m1 * m1, e22 - m2 * m2, e12 - m1 * m2];
      sum += ((2 * m1 * m2 + c1) * (2 * v12 + c2)) / ((m1 * m1 + m2 * m2 + c1) * (v1 + v2 + c2));
      count++;
    }
  }
  return sum / count;
}

describe('ssimPlane', () => {
  it('equals a direct 2-D implementation of ssim_index.m', () => {
    const [w, h] = [23, 19];
    const a = randomPlane(w * h, 1);
    const b = a.map((v, i) => 0.7 * v + 30 + ((i * 37) % 11));
    for (const shave of [0, 2, 4]) {
      expect(ssimPlane(a, b, w, h, shave)).toBeCloseTo(referenceSsim(a, b, w, h, shave), 10);
    }
    const c = randomPlane(w * h, 2);
    expect(ssimPlane(a, c, w, h, 3)).toBeCloseTo(referenceSsim(a, c, w, h, 3), 10);
  });

  it('is 1 for identical planes and (2ab + C1) / (a^2 + b^2 + C1) for two constants', () => {
    const a = randomPlane(400, 3);
    expect(ssimPlane(a, a, 20, 20)).toBeCloseTo(1, 12);
    const c1 = (0.01 * 255) ** 2;
    const x = new Float32Array(400).fill(100);
    const y = new Float32Array(400).fill(120);
    expect(ssimPlane(x, y, 20, 20)).toBeCloseTo((2 * 100 * 120 + c1) / (100 ** 2 + 120 ** 2 + c1), 12);
  });

  it('is symmetric and falls as noise grows', () => {
    const a = randomPlane(900, 4);
    const rand = seededRandom(5);
    const noise = Float32Array.from({ length: 900 }, () => rand() * 2 - 1);
    const small = a.map((v, i) => v + 5 * noise[i]!);
    const large = a.map((v, i) => v + 60 * noise[i]!);
    expect(ssimPlane(a, small, 30, 30)).toBeCloseTo(ssimPlane(small, a, 30, 30), 12);
    expect(ssimPlane(a, small, 30, 30)).toBeGreaterThan(ssimPlane(a, large, 30, 30) + 0.05);
    expect(ssimPlane(a, large, 30, 30)).toBeLessThan(1);
  });

  it('needs an 11 x 11 region after shaving (E_ARG)', () => {
    const a = new Float32Array(13 * 13);
    expect(ssimPlane(a, a, 13, 13, 1)).toBeCloseTo(1, 12);
    expect(() => ssimPlane(a, a, 13, 13, 2)).toThrow(/at least 11 x 11 .* 13 x 13 leaves 9 x 9/);
    expect(() => ssimPlane(new Float32Array(100), new Float32Array(100), 10, 10)).toThrow(
      expect.objectContaining({ code: 'E_ARG' }),
    );
  });
});
