import { type ImageStrip, VdsrError } from '@vdsr/core';
import type { Decoded } from './decode.js';
import { pickChannels, toIntegers } from './samples.js';

/** The upscaled image as sharp reads raw input: 8- or 16-bit integers, the written channels. */
export interface RawImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
  readonly samples: Uint8Array | Uint16Array;
}

/**
 * Gathers the core's strips straight into the integer samples sharp will encode, so only one strip
 * of float samples exists at a time. (sharp would join raw input piped from a stream into one buffer
 * anyway, so the output is collected here, once, at its final size.)
 */
export function rawCollector(decoded: Decoded): {
  onStrip: (strip: ImageStrip) => void;
  image: () => RawImage;
} {
  const channels = decoded.written.length as RawImage['channels'];
  let raw: RawImage | undefined;
  return {
    onStrip(strip) {
      const { width, imageHeight, y } = strip;
      raw ??= {
        width,
        height: imageHeight,
        channels,
        samples: decoded.sixteenBit
          ? new Uint16Array(width * imageHeight * channels)
          : new Uint8Array(width * imageHeight * channels),
      };
      const samples = pickChannels(
        toIntegers(strip.data, decoded.sixteenBit),
        strip.channels,
        decoded.written,
      );
      raw.samples.set(samples, y * width * channels);
    },
    image() {
      if (!raw) throw new VdsrError('E_INTERNAL', 'The upscale delivered no strip');
      return raw;
    },
  };
}
