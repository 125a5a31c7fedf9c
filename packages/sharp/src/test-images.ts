import { createRandomWeights, type VdsrArchitecture } from '@vdsr/core';
import sharp from 'sharp';
import { inMemory } from './carrier.js';
import type { PngChunk } from './png-chunks.js';
import { createPngStripWriter, type PngLayout } from './png-writer.js';

/** Random weights of a tiny network on the reference backend: real code paths, test-sized cost. */
const TINY: VdsrArchitecture = { name: 'vdsr', depth: 4, channels: 8, kernelSize: 3, residual: true };
export const testWeights = createRandomWeights(11, TINY);
export const testOptions = { weights: testWeights, backend: 'reference' } as const;

function rawImage(
  width: number,
  height: number,
  channels: 1 | 2 | 3 | 4,
  sample: (x: number, y: number, c: number) => number,
  Samples: typeof Uint8Array | typeof Uint16Array = Uint8Array,
) {
  const data = new Samples(width * height * channels);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++) for (let c = 0; c < channels; c++, i++) data[i] = sample(x, y, c);
  }
  return sharp(data, { raw: { width, height, channels } });
}

/** Smooth colour gradients with a sharp diagonal edge, so the network's residual has work to do. */
export function gradient(width: number, height: number, channels: 3 | 4 = 3) {
  return rawImage(width, height, channels, (x, y, c) => {
    if (c === 3) return Math.round((255 * x) / (width - 1)); // alpha: transparent on the left
    const edge = x > y ? 60 : 0;
    return Math.min(255, Math.round([(200 * x) / width, (180 * y) / height, 90][c]! + edge));
  });
}

export function grey(width: number, height: number, alpha = false, sixteenBits = false) {
  const max = sixteenBits ? 65535 : 255;
  const sample = (x: number, y: number, c: number) =>
    c === 1 ? Math.round((max * y) / (height - 1)) : ((x * 13 + y * 7) * (sixteenBits ? 257 : 1) + x) % max;
  const image = rawImage(width, height, alpha ? 2 : 1, sample, sixteenBits ? Uint16Array : Uint8Array);
  return image.toColourspace(sixteenBits ? 'grey16' : 'b-w');
}

/** 16-bit RGBA whose samples are not multiples of 257, so an 8-bit round trip would show. */
export function sixteenBit(width: number, height: number) {
  const sample = (x: number, y: number, c: number) =>
    c === 3 ? 65535 - x * 1000 : 3 + x * 2111 + y * 1301 + c * 97;
  return rawImage(width, height, 4, sample, Uint16Array).toColourspace('rgb16');
}

/** Stored landscape, red on the left and blue on the right, with EXIF orientation 6 (turn 90 degrees clockwise). */
export function rotatedJpeg(width: number, height: number) {
  return rawImage(
    width,
    height,
    3,
    (x, _y, c) => [x < width / 2 ? 230 : 20, 40, x < width / 2 ? 20 : 230][c]!,
  )
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Copyright: 'vdsr test' } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** Mean of channel `c` over a rectangle of raw interleaved pixels. */
export function mean(
  data: Uint8Array,
  width: number,
  channels: number,
  c: number,
  rect: { left: number; top: number; width: number; height: number },
): number {
  let sum = 0;
  for (let y = rect.top; y < rect.top + rect.height; y++) {
    for (let x = rect.left; x < rect.left + rect.width; x++) sum += data[(y * width + x) * channels + c]!;
  }
  return sum / (rect.width * rect.height);
}

/** A PNG of `samples` (whole rows) made by the strip writer, `rowsPerStrip` rows at a time, in memory. */
export async function stripWrittenPng(
  layout: PngLayout,
  chunks: readonly PngChunk[],
  samples: Uint8Array | Uint16Array,
  rowsPerStrip = layout.height,
): Promise<Buffer> {
  const writer = createPngStripWriter(layout, chunks, 6);
  const png = inMemory(writer.bytes);
  const stride = layout.width * layout.channels;
  for (let y = 0; y < layout.height; y += rowsPerStrip) {
    await writer.writeRows(samples.subarray(y * stride, Math.min(layout.height, y + rowsPerStrip) * stride));
  }
  writer.end();
  return png;
}
