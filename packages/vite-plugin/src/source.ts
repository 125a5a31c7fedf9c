import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { VdsrError } from '@vdsr/core';
import sharp, { type Metadata } from 'sharp';

/** A source image as the plugin needs it: bytes, upright size and file extension. */
export interface SourceImage {
  readonly bytes: Buffer;
  /** After EXIF orientation, as browsers and the upscaled images show it. */
  readonly width: number;
  readonly height: number;
  /** Lower-case, without the dot: the extension of upscaled images in the same format. */
  readonly ext: string;
}

/** `jpeg` is written `jpg`; other formats are their own extension. */
export function formatExtension(format: string): string {
  return format === 'jpeg' ? 'jpg' : format;
}

/** Reads and measures `file`: E_IO when it cannot be read or decoded, E_LIMIT past `limit` pixels. */
export async function readSource(file: string, limit: number): Promise<SourceImage> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new VdsrError('E_IO', `Cannot read the image: ${(error as Error).message}`, { cause: error });
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new VdsrError('E_IO', `Cannot decode the image: ${(error as Error).message}`, { cause: error });
  }
  const { width, height } = meta.autoOrient ?? meta;
  if (width * height > limit) {
    throw new VdsrError(
      'E_LIMIT',
      `Expected an image of at most ${limit} pixels (the limitInputPixels option) but received ${width} x ${height} = ${width * height}`,
      {
        details: { option: 'limitInputPixels', limit: 'limitInputPixels', max: limit, value: width * height },
      },
    );
  }
  return { bytes, width, height, ext: formatExtension(extname(file).slice(1).toLowerCase()) };
}
