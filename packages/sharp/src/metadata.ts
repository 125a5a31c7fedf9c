import { deflateSync } from 'node:zlib';
import type { Metadata } from 'sharp';
import { uprightExif } from './exif.js';
import type { PngChunk } from './png-chunks.js';

/** What of the input's metadata travels to the upscaled image. */
export interface CarriedMetadata {
  readonly icc?: Uint8Array;
  readonly exif?: Uint8Array;
  readonly xmp?: string;
  /** Pixels per inch. */
  readonly density?: number;
}

const METRES_PER_INCH = 0.0254;

/**
 * Whether the embedded ICC profile describes the pixels as they come out: an RGB profile for colour,
 * a GRAY one for grey. Others (CMYK, Lab) cannot, since sharp converts those images to sRGB.
 */
export function profileFits(icc: Uint8Array | undefined, grey: boolean): icc is Uint8Array {
  if (!icc || icc.length < 20) return false;
  // Bytes 16..19 of an ICC header: the data colour space signature.
  const space = String.fromCharCode(...icc.subarray(16, 20));
  return space === (grey ? 'GRAY' : 'RGB ');
}

export function carriedMetadata(meta: Metadata, keepIcc: boolean): CarriedMetadata {
  return {
    icc: keepIcc ? meta.icc : undefined,
    exif: meta.exif && uprightExif(meta.exif),
    xmp: meta.xmp?.toString('utf8'),
    density: meta.density,
  };
}

// What libvips gives an image without a resolution (raw input, as the upscaled image was before it
// went through this carrier): 1 pixel a millimetre. A PNG without pHYs would read back as 72 dpi.
const UNKNOWN_PIXELS_PER_METRE = 1000;

function physChunk(density: number | undefined): PngChunk {
  const data = Buffer.alloc(9);
  const perMetre = density ? Math.round(density / METRES_PER_INCH) : UNKNOWN_PIXELS_PER_METRE;
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data[8] = 1; // unit: metre
  return { type: 'pHYs', data };
}

/**
 * The PNG chunks that carry `metadata`: iCCP, pHYs (always, so that no density reads back as
 * libvips' 1 pixel a millimetre rather than 72 dpi), eXIf, and XMP as sharp's PNG encoder writes it
 * (zTXt under the keyword XML:com.adobe.xmp).
 */
export function metadataChunks({ icc, exif, xmp, density }: CarriedMetadata): PngChunk[] {
  const chunks: PngChunk[] = [];
  if (icc) {
    // Profile name "icc", its NUL, compression method 0 (zlib), then the deflated profile.
    chunks.push({ type: 'iCCP', data: Buffer.concat([Buffer.from('icc\0\0', 'latin1'), deflateSync(icc)]) });
  }
  chunks.push(physChunk(density));
  if (exif) chunks.push({ type: 'eXIf', data: exif });
  if (xmp) {
    // Keyword, its NUL, compression method 0 (zlib), then the deflated text.
    const keyword = Buffer.from('XML:com.adobe.xmp\0\0', 'latin1');
    chunks.push({ type: 'zTXt', data: Buffer.concat([keyword, deflateSync(Buffer.from(xmp, 'utf8'))]) });
  }
  return chunks;
}
