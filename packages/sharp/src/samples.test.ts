import { describe, expect, it } from 'vitest';
import { from16Bit, isNeutral, pickChannels, toIntegers, ushortSamples } from './samples.js';

describe('pickChannels', () => {
  it('reorders, repeats and drops channels per pixel', () => {
    const greyAlpha = Uint8Array.of(10, 200, 20, 100);
    expect(pickChannels(greyAlpha, 2, [0, 0, 0, 1])).toEqual(Uint8Array.of(10, 10, 10, 200, 20, 20, 20, 100));
    const rgba = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    expect(pickChannels(rgba, 4, [0, 3])).toEqual(Float32Array.of(1, 4, 5, 8));
    expect(pickChannels(Uint16Array.of(7, 8, 9), 3, [0])).toEqual(Uint16Array.of(7));
  });

  it('returns the same array for the identity', () => {
    const rgb = Uint8Array.of(1, 2, 3);
    expect(pickChannels(rgb, 3, [0, 1, 2])).toBe(rgb);
  });
});

describe('isNeutral', () => {
  it('is true only when R, G and B agree on every pixel', () => {
    expect(isNeutral(Uint8Array.of(5, 5, 5, 9, 7, 7, 7, 0), 4)).toBe(true);
    expect(isNeutral(Uint8Array.of(5, 5, 5, 7, 7, 8), 3)).toBe(false);
  });
});

describe('16-bit samples', () => {
  it('map 0..65535 onto 0..255 and back exactly', () => {
    const samples = Uint16Array.of(0, 1, 257, 1000, 65534, 65535);
    const scaled = from16Bit(samples);
    expect(scaled[2]).toBe(1);
    expect(scaled[5]).toBe(255);
    expect(toIntegers(scaled, true)).toEqual(samples);
  });

  it('round and clamp float results', () => {
    expect(toIntegers(Float32Array.of(-3, 0.4, 254.6, 300), false)).toEqual(Uint8Array.of(0, 0, 255, 255));
    expect(toIntegers(Float32Array.of(-1, 1.5, 256), true)).toEqual(Uint16Array.of(0, 386, 65535));
  });

  it('view 8-bit results without copying', () => {
    const clamped = Uint8ClampedArray.of(1, 2, 3);
    const out = toIntegers(clamped, false);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(out.buffer).toBe(clamped.buffer);
  });

  it('read sharp raw output (native byte order) at any byte offset', () => {
    const native = Buffer.from(Uint16Array.of(513, 65535).buffer);
    const odd = Buffer.concat([Buffer.alloc(1), native, Buffer.alloc(2)]).subarray(1, 5);
    expect(odd.byteOffset % 2).toBe(1);
    expect([...ushortSamples(odd)]).toEqual([513, 65535]);
  });
});
