import { describe, expect, it } from 'vitest';
import { toHalves } from './half.js';

describe('toHalves', () => {
  it('encodes normals, subnormals, rounding ties, overflow and specials as IEEE halves', () => {
    const values = [
      0,
      -0,
      1,
      -2,
      0.5,
      65504,
      65520,
      1e6,
      2 ** -14,
      2 ** -24,
      2 ** -26,
      1 + 2 ** -11,
      1 + 3 * 2 ** -11,
      0.1,
    ];
    expect([...toHalves(new Float32Array([...values, Number.POSITIVE_INFINITY, Number.NaN]))]).toEqual([
      0x0000, 0x8000, 0x3c00, 0xc000, 0x3800, 0x7bff, 0x7c00, 0x7c00, 0x0400, 0x0001, 0x0000, 0x3c00, 0x3c02,
      0x2e66, 0x7c00, 0x7e00,
    ]);
  });
});
