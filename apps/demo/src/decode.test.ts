import { describe, expect, it } from 'vitest';
import { fromRgba } from './decode.js';

const rgba = (...pixels: number[][]) => new Uint8ClampedArray(pixels.flat());

describe('fromRgba', () => {
  it('keeps grey images grey, colour as RGB and any transparency as RGBA', () => {
    expect(fromRgba(rgba([7, 7, 7, 255], [200, 200, 200, 255]), 2, 1)).toEqual({
      width: 2,
      height: 1,
      channels: 1,
      data: Uint8Array.of(7, 200),
    });
    expect(fromRgba(rgba([7, 7, 7, 255], [1, 2, 3, 255]), 1, 2)).toMatchObject({
      channels: 3,
      data: Uint8Array.of(7, 7, 7, 1, 2, 3),
    });
    expect(fromRgba(rgba([7, 7, 7, 255], [7, 7, 7, 128]), 2, 1)).toMatchObject({
      channels: 4,
      data: Uint8Array.of(7, 7, 7, 255, 7, 7, 7, 128),
    });
  });
});
