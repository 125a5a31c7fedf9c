import { describe, expect, it } from 'vitest';
import golden from '../__fixtures__/resize-color.json' with { type: 'json' };
import { VdsrError } from '../errors.js';
import { lumaPlane, rgbToYcbcrPlanes, ycbcrPlanesToRgb } from './ycbcr.js';

const { rgb, ycbcr, roundtrip_rgb: roundtrip } = golden.rgb2ycbcr;

function interleave(rows: number[][]): Float32Array {
  return Float32Array.from(rows.flat());
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('rgbToYcbcrPlanes', () => {
  it('matches MATLAB rgb2ycbcr on the golden cases to 1e-4', () => {
    const { y, cb, cr } = rgbToYcbcrPlanes(interleave(rgb), rgb.length, 3);
    expect(
      maxDiff(
        y,
        ycbcr.map((p) => p[0]!),
      ),
    ).toBeLessThan(1e-4);
    expect(
      maxDiff(
        cb,
        ycbcr.map((p) => p[1]!),
      ),
    ).toBeLessThan(1e-4);
    expect(
      maxDiff(
        cr,
        ycbcr.map((p) => p[2]!),
      ),
    ).toBeLessThan(1e-4);
  });

  it('maps black and white to the studio range ends and greys to Cb = Cr = 128', () => {
    const { y, cb, cr } = rgbToYcbcrPlanes(Uint8Array.of(0, 0, 0, 9, 255, 255, 255, 9), 2, 4);
    expect(y[0]).toBeCloseTo(16, 4);
    expect(y[1]).toBeCloseTo(235, 4);
    for (const v of [...cb, ...cr]) expect(v).toBeCloseTo(128, 4);
  });

  it('skips alpha with stride 4', () => {
    const rgba = new Uint8ClampedArray(rgb.flatMap(([r, g, b], i) => [r!, g!, b!, i * 16]));
    const { y } = rgbToYcbcrPlanes(rgba, rgb.length, 4);
    expect(
      maxDiff(
        y,
        ycbcr.map((p) => p[0]!),
      ),
    ).toBeLessThan(1e-4);
  });

  it('rejects a wrong length, stride or pixel count with E_ARG', () => {
    expect(() => rgbToYcbcrPlanes(new Uint8Array(5), 2, 3)).toThrow(/length 6 .* received length 5/);
    expect(() => rgbToYcbcrPlanes(new Uint8Array(6), 2, 2 as 3)).toThrow(/stride/);
    expect(() => rgbToYcbcrPlanes(new Uint8Array(6), 1.5, 3)).toThrow(VdsrError);
    expect(() => rgbToYcbcrPlanes([1, 2, 3] as unknown as Uint8Array, 1, 3)).toThrow(/array of length 3/);
  });
});

describe('ycbcrPlanesToRgb', () => {
  const y = Float32Array.from(ycbcr, (p) => p[0]!);
  const cb = Float32Array.from(ycbcr, (p) => p[1]!);
  const cr = Float32Array.from(ycbcr, (p) => p[2]!);

  it("matches the golden roundtrip (BT.601's analytic ycbcr2rgb) to 1e-4", () => {
    const out = new Float32Array(rgb.length * 3);
    ycbcrPlanesToRgb(y, cb, cr, out, 3);
    expect(maxDiff(out, roundtrip.flat())).toBeLessThan(1e-4);
  });

  it('leaves channel 3 alone and does not clamp', () => {
    const out = new Float32Array(8).fill(7);
    ycbcrPlanesToRgb(Float32Array.of(0, 255), Float32Array.of(128, 128), Float32Array.of(128, 128), out, 4);
    expect(out[3]).toBe(7);
    expect(out[7]).toBe(7);
    expect(out[0]).toBeLessThan(-18);
    expect(out[4]).toBeGreaterThan(272);
  });

  it('round-trips random colours through both directions', () => {
    const data = Float32Array.from({ length: 300 }, (_, i) => (i * 7919) % 256);
    const planes = rgbToYcbcrPlanes(data, 100, 3);
    const out = new Float32Array(300);
    ycbcrPlanesToRgb(planes.y, planes.cb, planes.cr, out, 3);
    expect(maxDiff(out, data)).toBeLessThan(1e-3);
  });

  it('rejects mismatched planes and output with E_ARG', () => {
    const one = new Float32Array(1);
    expect(() => ycbcrPlanesToRgb(one, new Float32Array(2), one, new Float32Array(3), 3)).toThrow(/cb/);
    expect(() => ycbcrPlanesToRgb(one, one, one, new Float32Array(3), 4)).toThrow(/length 4/);
    expect(() => ycbcrPlanesToRgb(one, one, new Float64Array(1) as never, new Float32Array(3), 3)).toThrow(
      /cr/,
    );
  });
});

describe('lumaPlane', () => {
  it('is the grey value itself for one channel', () => {
    const data = Uint8Array.of(0, 17, 255, 128);
    expect([...lumaPlane({ width: 2, height: 2, channels: 1, data })]).toEqual([0, 17, 255, 128]);
  });

  it('is rgb2ycbcr Y for RGB and for ImageData-like RGBA', () => {
    const data = new Uint8Array(rgb.flatMap(([r, g, b]) => [r!, g!, b!, 255]));
    const y = lumaPlane({ width: 4, height: 4, data });
    expect(
      maxDiff(
        y,
        ycbcr.map((p) => p[0]!),
      ),
    ).toBeLessThan(1e-4);
    const y3 = lumaPlane({ width: 16, height: 1, channels: 3, data: interleave(rgb) });
    expect(maxDiff(y3, y)).toBe(0);
  });

  it('validates the image', () => {
    expect(() => lumaPlane({ width: 2, height: 2, channels: 3, data: new Uint8Array(3) })).toThrow(VdsrError);
  });
});
