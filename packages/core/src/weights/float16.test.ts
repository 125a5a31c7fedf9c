import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFloat16, decodeFloat16Array, encodeFloat16, encodeFloat16Array } from './float16.js';

describe('float16', () => {
  it('decodes the landmark bit patterns', () => {
    expect(decodeFloat16(0x3c00)).toBe(1);
    expect(decodeFloat16(0xc000)).toBe(-2);
    expect(decodeFloat16(0x7bff)).toBe(65504);
    expect(decodeFloat16(0x0400)).toBe(2 ** -14);
    expect(decodeFloat16(0x0001)).toBe(2 ** -24);
    expect(decodeFloat16(0x03ff)).toBe(1023 * 2 ** -24);
    expect(decodeFloat16(0x3555)).toBeCloseTo(1 / 3, 3);
    expect(Object.is(decodeFloat16(0x8000), -0)).toBe(true);
    expect(decodeFloat16(0x7c00)).toBe(Number.POSITIVE_INFINITY);
    expect(decodeFloat16(0xfc00)).toBe(Number.NEGATIVE_INFINITY);
    expect(decodeFloat16(0x7e00)).toBeNaN();
    expect(decodeFloat16(0x7c01)).toBeNaN();
  });

  it('round-trips every one of the 65536 patterns (NaNs to a NaN)', () => {
    for (let bits = 0; bits <= 0xffff; bits++) {
      const v = decodeFloat16(bits);
      const back = encodeFloat16(v);
      if (Number.isNaN(v)) expect(decodeFloat16(back)).toBeNaN();
      else expect(back).toBe(bits);
    }
  });

  it('rounds to nearest, ties to even, in normals and subnormals', () => {
    const ulpAt1 = 2 ** -10;
    expect(encodeFloat16(1 + ulpAt1 / 2)).toBe(0x3c00); // tie -> even (1.0)
    expect(encodeFloat16(1 + (3 * ulpAt1) / 2)).toBe(0x3c02); // tie -> even (1 + 2 ulp)
    expect(encodeFloat16(1 + ulpAt1 / 2 + 2 ** -30)).toBe(0x3c01); // just above the tie
    expect(encodeFloat16(2 ** -25)).toBe(0x0000); // half the smallest subnormal -> 0 (even)
    expect(encodeFloat16(3 * 2 ** -25)).toBe(0x0002); // 1.5 subnormal ulps -> 2
    expect(encodeFloat16(2 ** -25 + 2 ** -40)).toBe(0x0001);
    expect(encodeFloat16(-(2 ** -14 - 2 ** -26))).toBe(0x8400); // rounds up into the normals
    expect(encodeFloat16(2 - 2 ** -12)).toBe(0x4000); // mantissa carry into the exponent
    expect(Object.is(decodeFloat16(encodeFloat16(-1e-30)), -0)).toBe(true);
  });

  it('overflows to infinity from 65520 and keeps 65519.99 finite', () => {
    expect(encodeFloat16(65519.99)).toBe(0x7bff);
    expect(encodeFloat16(65520)).toBe(0x7c00);
    expect(encodeFloat16(-1e10)).toBe(0xfc00);
    expect(encodeFloat16(Number.POSITIVE_INFINITY)).toBe(0x7c00);
    expect(encodeFloat16(Number.NaN)).toBe(0x7e00);
  });

  it('picks the nearer neighbour for any float32 in range', () => {
    fc.assert(
      fc.property(fc.float({ min: -65504, max: 65504, noNaN: true }), (v) => {
        const bits = encodeFloat16(v);
        const got = decodeFloat16(bits);
        // The neighbours one pattern away on each side are no closer.
        for (const other of [bits - 1, bits + 1]) {
          if (other < 0 || (other & 0x7fff) >= 0x7c00 || (other & 0x8000) !== (bits & 0x8000)) continue;
          expect(Math.abs(decodeFloat16(other) - v)).toBeGreaterThanOrEqual(Math.abs(got - v));
        }
      }),
    );
  });

  it('converts whole arrays', () => {
    const values = Float32Array.of(0, 1, -2.5, 65504, 1e-7, 100000);
    const bits = encodeFloat16Array(values);
    expect([...bits]).toEqual([...values].map(encodeFloat16));
    expect([...decodeFloat16Array(bits)]).toEqual([...bits].map(decodeFloat16));
  });

  it('validates its arguments with E_ARG', () => {
    expect(() => decodeFloat16(0x10000)).toThrow(
      /integer from 0 to 65535 for bits but received number 65536/,
    );
    expect(() => decodeFloat16(1.5)).toThrow(/bits/);
    expect(() => encodeFloat16('1' as never)).toThrow(/a number for value but received string '1'/);
    expect(() => encodeFloat16Array([1] as never)).toThrow(/Float32Array/);
    expect(() => decodeFloat16Array(new Int16Array(1) as never)).toThrow(/Uint16Array/);
  });
});
