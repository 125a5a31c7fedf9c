import { type Channels, VdsrError, type VdsrImage } from '@vdsr/core';
import type { Metadata, Sharp } from 'sharp';
import { type CarriedMetadata, carriedMetadata, profileFits } from './metadata.js';
import { from16Bit, isNeutral, pickChannels, ushortSamples } from './samples.js';
import { sharpCall } from './sharp-call.js';

/** An image ready for the core, and how to write the result back like the input. */
export interface Decoded {
  /** 1, 3 or 4 channels on the 0..255 scale: Uint8Array for 8-bit input, Float32Array for 16-bit. */
  readonly image: VdsrImage;
  /** Which of the core's output channels to write: grey with alpha goes through the core as RGBA. */
  readonly written: readonly number[];
  readonly grey: boolean;
  readonly sixteenBit: boolean;
  readonly metadata: CarriedMetadata;
}

export function readMetadata(image: Sharp): Promise<Metadata> {
  return sharpCall('read the image', () => image.metadata());
}

interface Layout {
  /** The core's channels, as picks from sharp's. */
  readonly toCore: readonly number[];
  /** The written channels, as picks from the core's output. */
  readonly written: readonly number[];
}

const GREY_LAYOUTS: Record<number, Layout> = {
  1: { toCore: [0], written: [0] },
  2: { toCore: [0, 0, 0, 1], written: [0, 3] },
  3: { toCore: [0], written: [0] },
  4: { toCore: [0, 1, 2, 3], written: [0, 3] },
};
const COLOUR_LAYOUTS: Record<number, Layout> = {
  3: { toCore: [0, 1, 2], written: [0, 1, 2] },
  4: { toCore: [0, 1, 2, 3], written: [0, 1, 2, 3] },
};

/** What can be checked on the header, before anything is decoded: one page, within the pixel limit. */
export function checkInput(meta: Metadata, limitInputPixels: number): void {
  // sharp stacks the pages of an instance opened with { animated: true } or { pages: n } into one tall image.
  if (meta.pageHeight !== undefined && meta.pageHeight !== meta.height) {
    throw new VdsrError(
      'E_ARG',
      `Expected a single page for image but received ${meta.height! / meta.pageHeight} pages of ${meta.width} x ${meta.pageHeight}; open it without { animated: true } or { pages } and upscale one page at a time`,
    );
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > limitInputPixels) {
    throw new VdsrError(
      'E_LIMIT',
      `Expected an input of at most ${limitInputPixels} pixels (limitInputPixels) but received ${meta.width} x ${meta.height} = ${pixels} pixels`,
      {
        details: {
          option: 'limitInputPixels',
          limit: 'limitInputPixels',
          value: pixels,
          max: limitInputPixels,
        },
      },
    );
  }
}

/**
 * Decodes `image` through its pipeline, upright (EXIF orientation applied), as sRGB or 16-bit RGB.
 * An RGB or grey ICC profile is kept and its pixels left unconverted, so the profile can go along.
 */
export async function decode(image: Sharp, meta: Metadata): Promise<Decoded> {
  const sixteenBit = meta.depth === 'ushort';
  const greyInput = meta.space === 'b-w' || meta.space === 'grey16';
  const pipeline = image.clone().autoOrient();
  if (profileFits(meta.icc, greyInput)) pipeline.keepIccProfile();
  pipeline.toColourspace(sixteenBit ? 'rgb16' : 'srgb').raw(sixteenBit ? { depth: 'ushort' } : {});
  const { data, info } = await sharpCall('decode the image', () =>
    pipeline.toBuffer({ resolveWithObject: true }),
  );
  const samples = sixteenBit
    ? ushortSamples(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.length);
  const { channels } = info;
  // Grey stays grey unless the pipeline coloured it (a tint, a coloured composite).
  const grey = channels <= 2 || (greyInput && isNeutral(samples, channels));
  const layout = (grey ? GREY_LAYOUTS : COLOUR_LAYOUTS)[channels];
  if (!layout) {
    throw new VdsrError(
      'E_ARG',
      `Expected the sharp pipeline to give 1 to 4 channels but it gave ${channels}`,
    );
  }
  const coreSamples = pickChannels(samples, channels, layout.toCore);
  return {
    image: {
      width: info.width,
      height: info.height,
      channels: layout.toCore.length as Channels,
      data: coreSamples instanceof Uint16Array ? from16Bit(coreSamples) : coreSamples,
    },
    written: layout.written,
    grey,
    sixteenBit,
    metadata: carriedMetadata(meta, profileFits(meta.icc, grey)),
  };
}
