import type { PixelData } from '@vdsr/core';

type Samples = Uint8Array | Uint16Array | Float32Array;

/**
 * A new interleaved image whose channel k is channel `picks[k]` of `data`: grey from RGB ([0]), grey
 * with alpha as RGBA ([0, 0, 0, 1]) and back ([0, 3]).
 */
export function pickChannels<T extends Samples>(data: T, channels: number, picks: readonly number[]): T {
  if (picks.length === channels && picks.every((c, k) => c === k)) return data;
  const pixels = data.length / channels;
  const out = new (data.constructor as new (length: number) => T)(pixels * picks.length);
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < picks.length; k++) out[p * picks.length + k] = data[p * channels + picks[k]!]!;
  }
  return out;
}

/** Whether every pixel has equal R, G and B (channels 0..2), as a grey image converted to RGB does. */
export function isNeutral(data: Samples, channels: number): boolean {
  for (let i = 0; i < data.length; i += channels) {
    if (data[i] !== data[i + 1] || data[i] !== data[i + 2]) return false;
  }
  return true;
}

/** sharp's raw 16-bit output (native byte order) as samples, copied only if it is not 2-byte aligned. */
export function ushortSamples(raw: Buffer): Uint16Array {
  const bytes = raw.byteOffset % 2 === 0 ? raw : Buffer.from(raw);
  return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}

/** 16-bit samples on the core's 0..255 scale (65535 / 257 = 255), keeping their fractions. */
export function from16Bit(data: Uint16Array): Float32Array {
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i]! / 257;
  return out;
}

/** The core's 0..255 samples as 8- or 16-bit integers, rounded and clamped. */
export function toIntegers(data: PixelData, sixteenBit: boolean): Uint8Array | Uint16Array {
  if (!sixteenBit && !(data instanceof Float32Array))
    return new Uint8Array(data.buffer, data.byteOffset, data.length);
  const scale = sixteenBit ? 257 : 1;
  const max = sixteenBit ? 65535 : 255;
  const out = sixteenBit ? new Uint16Array(data.length) : new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Math.min(max, Math.max(0, Math.round(data[i]! * scale)));
  return out;
}
