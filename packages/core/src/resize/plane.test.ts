import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VdsrError } from '../errors.js';
import { seededRandom } from '../weights/random.js';
import { resizePlane } from './plane.js';

function randomPlane(length: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  return Float32Array.from({ length }, () => Math.round(rand() * 255));
}

const sizes = fc.record({
  width: fc.integer({ min: 1, max: 12 }),
  height: fc.integer({ min: 1, max: 12 }),
  outWidth: fc.integer({ min: 1, max: 30 }),
  outHeight: fc.integer({ min: 1, max: 30 }),
});

describe('resizePlane', () => {
  it('keeps a constant plane constant at any size', () => {
    fc.assert(
      fc.property(sizes, fc.double({ min: 0, max: 255, noNaN: true }), (s, v) => {
        const out = resizePlane(
          new Float32Array(s.width * s.height).fill(v),
          s.width,
          s.height,
          s.outWidth,
          s.outHeight,
        );
        for (const o of out) expect(Math.abs(o - v)).toBeLessThan(1e-3);
      }),
    );
  });

  it('is linear: resize(a * p + q) = a * resize(p) + resize(q)', () => {
    fc.assert(
      fc.property(sizes, fc.integer(), fc.double({ min: -3, max: 3, noNaN: true }), (s, seed, a) => {
        const p = randomPlane(s.width * s.height, seed);
        const q = randomPlane(s.width * s.height, seed + 1);
        const mix = p.map((v, i) => a * v + q[i]!);
        const args = [s.width, s.height, s.outWidth, s.outHeight] as const;
        const rp = resizePlane(p, ...args);
        const rq = resizePlane(q, ...args);
        const rmix = resizePlane(mix, ...args);
        for (let i = 0; i < rmix.length; i++) expect(rmix[i]!).toBeCloseTo(a * rp[i]! + rq[i]!, 2);
      }),
    );
  });

  it('resizes a 1 x N row along its length only, the same as each row of a taller image', () => {
    const row = randomPlane(9, 3);
    const out = resizePlane(row, 9, 1, 20, 1);
    const tall = new Float32Array(9 * 5);
    for (let y = 0; y < 5; y++) tall.set(row, y * 9);
    const outTall = resizePlane(tall, 9, 5, 20, 5);
    for (let y = 0; y < 5; y++) {
      for (let x = 0; x < 20; x++) expect(outTall[y * 20 + x]).toBeCloseTo(out[x]!, 4);
    }
  });

  it('treats an N x 1 column as the transpose of a row', () => {
    const col = randomPlane(7, 4);
    const asRow = resizePlane(col, 7, 1, 3, 1);
    const asCol = resizePlane(col, 1, 7, 1, 3);
    for (let i = 0; i < 3; i++) expect(asCol[i]).toBeCloseTo(asRow[i]!, 4);
  });

  it('transposes: resizing the transposed plane gives the transposed result', () => {
    const [w, h, ow, oh] = [6, 4, 9, 11];
    const p = randomPlane(w * h, 5);
    const t = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) t[x * h + y] = p[y * w + x]!;
    const out = resizePlane(p, w, h, ow, oh);
    const outT = resizePlane(t, h, w, oh, ow);
    for (let y = 0; y < oh; y++)
      for (let x = 0; x < ow; x++) expect(outT[x * oh + y]).toBeCloseTo(out[y * ow + x]!, 3);
  });

  it('is the identity at the same size and returns a copy', () => {
    const p = randomPlane(12, 6);
    const out = resizePlane(p, 4, 3, 4, 3);
    expect([...out]).toEqual([...p]);
    expect(out).not.toBe(p);
  });

  it('reproduces the input samples at pixel centres when upscaling 3x (cubic interpolates)', () => {
    const p = randomPlane(8 * 8, 7);
    const out = resizePlane(p, 8, 8, 24, 24);
    // Output pixel 3i + 1 (0-based) sits exactly on input pixel i when the scale is 3.
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 8; x++) expect(out[(3 * y + 1) * 24 + 3 * x + 1]).toBeCloseTo(p[y * 8 + x]!, 3);
  });

  it('keeps the mean of a large random plane when shrinking (antialiased, normalised weights)', () => {
    const p = randomPlane(64 * 64, 8);
    const out = resizePlane(p, 64, 64, 16, 16);
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(Math.abs(mean(out) - mean(p))).toBeLessThan(1);
    // Antialiasing: the output varies far less than the input's independent samples do.
    const spread = (a: Float32Array) => Math.max(...a) - Math.min(...a);
    expect(spread(out)).toBeLessThan(spread(p) / 2);
  });

  it('handles a multi-megapixel plane quickly', () => {
    const [w, h] = [2000, 1500];
    const p = randomPlane(w * h, 9);
    const started = performance.now();
    const out = resizePlane(p, w, h, w * 2, h * 2);
    const ms = performance.now() - started;
    expect(out.length).toBe(w * h * 4);
    expect(ms).toBeLessThan(5000);
  });

  it('validates its arguments with E_ARG', () => {
    const p = new Float32Array(6);
    expect(() => resizePlane(p, 3, 2, 0, 2)).toThrow(/outWidth but received number 0/);
    expect(() => resizePlane(p, 3, 3, 3, 3)).toThrow(/length 9 \(3 x 3\) but received length 6/);
    expect(() => resizePlane(p, 3, 2, 3, 2, { x: Number.NaN, y: 1 })).toThrow(/scale.x/);
    expect(() => resizePlane(p, 3, 2, 3, 2, { x: 1, y: -1 })).toThrow(/scale.y/);
    expect(() => resizePlane(Array.from(p) as never, 3, 2, 3, 2)).toThrow(VdsrError);
    expect(() => resizePlane(p, 2.5, 2, 3, 2)).toThrow(/Expected a positive integer for width/);
  });
});

describe('resizePlane limits', () => {
  it('refuses a scale so far below out / in that the kernel table would not fit (E_LIMIT)', () => {
    expect(() => resizePlane(new Float32Array(100), 100, 1, 50, 1, { x: 1e-9, y: 1 })).toThrow(
      expect.objectContaining({ code: 'E_LIMIT', message: expect.stringContaining('scale 1e-9') }),
    );
  });
});
