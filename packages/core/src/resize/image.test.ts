import { describe, expect, it } from 'vitest';
import golden from '../__fixtures__/resize-color.json' with { type: 'json' };
import { VdsrError } from '../errors.js';
import { resizeImage } from './image.js';
import { resizePlane } from './plane.js';

const [first] = golden.imresize;

function channel(data: ArrayLike<number>, c: number, channels: number): number[] {
  return Array.from({ length: data.length / channels }, (_, i) => data[i * channels + c]!);
}

function rounded(values: ArrayLike<number>): number[] {
  return Array.from(values, (v) => Math.min(255, Math.max(0, Math.round(v))));
}

describe('resizeImage', () => {
  it('resizes every channel of an RGBA float image like the plane resize', () => {
    const { width, height } = first!;
    const planes = [0, 1, 2, 3].map((c) => Float32Array.from(first!.input, (v) => (v + 40 * c) % 256));
    const data = new Float32Array(width * height * 4);
    for (let i = 0; i < data.length; i++) data[i] = planes[i % 4]![Math.floor(i / 4)]!;
    const out = resizeImage({ width, height, channels: 4, data }, { scale: 2.5 });
    expect(out.data).toBeInstanceOf(Float32Array);
    expect([out.width, out.height, out.channels]).toEqual([30, 30, 4]);
    for (const [c, p] of planes.entries()) {
      const expected = resizePlane(p, width, height, 30, 30, { x: 2.5, y: 2.5 });
      expect(channel(out.data, c, 4)).toEqual([...expected]);
    }
  });

  it('keeps float results unclamped (cubic overshoots)', () => {
    const data = Float32Array.of(0, 255, 0, 255, 0, 255);
    const out = resizeImage({ width: 6, height: 1, channels: 1, data }, { width: 12, height: 1 });
    expect(Math.min(...out.data)).toBeLessThan(0);
    expect(Math.max(...out.data)).toBeGreaterThan(255);
  });

  it('rounds and clamps 8-bit data and keeps the array type', () => {
    const data = Uint8ClampedArray.of(0, 255, 0, 255, 0, 255);
    const out = resizeImage({ width: 6, height: 1, channels: 1, data }, { width: 12 });
    expect(out.data).toBeInstanceOf(Uint8ClampedArray);
    const float = resizeImage(
      { width: 6, height: 1, channels: 1, data: Float32Array.from(data) },
      { width: 12 },
    );
    expect([...out.data]).toEqual(rounded(float.data));
    const u8 = resizeImage({ width: 6, height: 1, channels: 1, data: Uint8Array.from(data) }, { width: 12 });
    expect(u8.data).toBeInstanceOf(Uint8Array);
    expect([...u8.data]).toEqual([...out.data]);
  });

  it('matches the MATLAB golden case on a grey 8-bit image to within rounding', () => {
    const c = golden.imresize.find((g) => g.name === '12x12 scale 2')!;
    const out = resizeImage(
      { width: 12, height: 12, channels: 1, data: Uint8Array.from(c.input) },
      { scale: 2 },
    );
    expect([...out.data]).toEqual(rounded(c.output));
  });

  it('reads ImageData-like input (no channels) as RGBA', () => {
    const out = resizeImage({ width: 1, height: 1, data: Uint8ClampedArray.of(1, 2, 3, 4) }, { scale: 3 });
    expect(out.channels).toBe(4);
    expect([...out.data.slice(0, 4)]).toEqual([1, 2, 3, 4]);
    expect(out.data.length).toBe(36);
  });

  it('validates the image and the target', () => {
    expect(() =>
      resizeImage({ width: 2, height: 2, channels: 1, data: new Uint8Array(3) }, { scale: 2 }),
    ).toThrow(VdsrError);
    expect(() =>
      resizeImage({ width: 1, height: 1, channels: 1, data: new Uint8Array(1) }, { scale: -2 }),
    ).toThrow(/target.scale/);
  });
});
