import { describe, expect, it } from 'vitest';
import { lumaPlane } from '../colour/ycbcr.js';
import { VdsrError } from '../errors.js';
import { psnr } from './image.js';
import { metricLumaPlane } from './luma.js';

// rgb2ycbcr's Y for pure red r is 16 + 65.481 r / 255: 16.2568 for r = 1, 16.5136 for r = 2.
const red = (r: number) => ({ width: 1, height: 1, channels: 3 as const, data: Uint8Array.of(r, 0, 0) });
const asFloat = (image: ReturnType<typeof red>) => ({ ...image, data: Float32Array.from(image.data) });

describe('metricLumaPlane', () => {
  it('rounds 8-bit luma half away from zero, as rgb2ycbcr on uint8 does', () => {
    expect([...metricLumaPlane(red(1))]).toEqual([16]);
    expect([...metricLumaPlane(red(2))]).toEqual([17]);
    const clamped = { width: 2, height: 1, data: Uint8ClampedArray.of(1, 0, 0, 9, 2, 0, 0, 9) };
    expect([...metricLumaPlane(clamped)]).toEqual([16, 17]);
  });

  it('keeps float32 luma unrounded and grey luma as the grey value', () => {
    expect(metricLumaPlane(asFloat(red(2)))).toEqual(lumaPlane(asFloat(red(2))));
    expect(metricLumaPlane(asFloat(red(2)))[0]).toBeCloseTo(16.5136, 4);
    const grey = { width: 2, height: 1, channels: 1 as const, data: Float32Array.of(17.25, 200) };
    expect([...metricLumaPlane(grey)]).toEqual([17.25, 200]);
    expect([...metricLumaPlane({ ...grey, data: Uint8Array.of(17, 200) })]).toEqual([17, 200]);
  });

  it('is what psnr compares: 1 level apart after rounding, not 0.2568', () => {
    expect(psnr(red(1), red(2))).toBeCloseTo(20 * Math.log10(255), 10);
    expect(psnr(asFloat(red(1)), asFloat(red(2)))).toBeCloseTo(20 * Math.log10(255 / (65.481 / 255)), 4);
    // An 8-bit reference against a float32 copy of itself: only the reference is rounded.
    const d = 17 - (16 + (2 * 65.481) / 255);
    expect(psnr(red(2), asFloat(red(2)))).toBeCloseTo(20 * Math.log10(255 / d), 4);
  });

  it('validates the image', () => {
    expect(() => metricLumaPlane({ width: 1, height: 1, channels: 3, data: new Uint8Array(2) })).toThrow(
      VdsrError,
    );
  });
});
