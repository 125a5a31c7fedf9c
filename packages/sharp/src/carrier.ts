import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import {
  isVdsrError,
  type ResizeTarget,
  type UpscaleOptions,
  type Upscaler,
  upscaleSize,
  VdsrError,
} from '@vdsr/core';
import type { Decoded } from './decode.js';
import { metadataChunks } from './metadata.js';
import { createPngStripWriter } from './png-writer.js';
import { pickChannels, toIntegers } from './samples.js';

/**
 * The upscaled image goes to sharp as a PNG (the "carrier"), since that is how the ICC profile,
 * EXIF, XMP and density can travel with it: sharp cannot attach them to raw input. A store takes the
 * carrier's bytes as they are made and says what sharp opens it from.
 */
export type CarrierStore = (png: AsyncIterable<Buffer>) => Promise<Buffer | string>;

// The carrier is read back once, right away: stored deflate blocks cost no time either way.
const CARRIER_LEVEL = 0;

export type OutputColourspace = 'b-w' | 'grey16' | 'srgb' | 'rgb16';

/** The colourspace that keeps the input's greyness and bit depth through sharp's output. */
export function outputColourspace({
  grey,
  sixteenBit,
}: Pick<Decoded, 'grey' | 'sixteenBit'>): OutputColourspace {
  if (grey) return sixteenBit ? 'grey16' : 'b-w';
  return sixteenBit ? 'rgb16' : 'srgb';
}

/** The carrier in memory, for sharp to open as a Buffer. */
export async function inMemory(png: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of png) parts.push(part);
  return Buffer.concat(parts);
}

/** The carrier in a new file at `path`, which sharp reads sequentially: only strips are ever in memory. */
export function inFile(path: string): CarrierStore {
  return async (png) => {
    const file = createWriteStream(path, { flags: 'wx' });
    // A pipeline that failed early (an abort) can settle while the file is still being opened: the
    // file appears after that, so whoever removes it must wait until the stream has closed.
    const closed = new Promise<void>((resolve) => file.once('close', resolve));
    try {
      await pipeline(png, file);
    } catch (error) {
      await closed;
      if (isVdsrError(error)) throw error;
      throw new VdsrError('E_IO', `Could not write the temporary file ${path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return path;
  };
}

/**
 * Upscales `decoded` strip by strip straight into a carrier PNG in `store`: the output exists whole
 * only as the store keeps it (8- or 16-bit samples, the written channels, the carried metadata).
 */
export async function upscaleToCarrier(
  upscaler: Upscaler,
  decoded: Decoded,
  target: ResizeTarget,
  options: UpscaleOptions,
  store: CarrierStore,
): Promise<Buffer | string> {
  const { width, height } = upscaleSize(decoded.image, target, options);
  const { written, sixteenBit } = decoded;
  const channels = written.length as 1 | 2 | 3 | 4;
  const writer = createPngStripWriter(
    { width, height, channels, sixteenBit },
    metadataChunks(decoded.metadata),
    CARRIER_LEVEL,
  );
  const stored = store(writer.bytes);
  const upscaled = upscaler
    .upscaleStrips(
      decoded.image,
      target,
      (strip) => writer.writeRows(pickChannels(toIntegers(strip.data, sixteenBit), strip.channels, written)),
      options,
    )
    .then(
      () => writer.end(),
      (error: Error) => {
        writer.destroy(error);
        throw error;
      },
    );
  const [upscale, carrier] = await Promise.allSettled([upscaled, stored]);
  // A failed upscale fails the store with its own error; a failed store (a full disk) fails the
  // upscale's next strip with a stream error that says less.
  if (carrier.status === 'rejected') throw carrier.reason;
  if (upscale.status === 'rejected') throw upscale.reason;
  return carrier.value;
}
