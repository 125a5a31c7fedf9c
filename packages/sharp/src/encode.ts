import sharp from 'sharp';
import type { Decoded } from './decode.js';
import { metadataChunks } from './metadata.js';
import { setPngChunks } from './png-chunks.js';
import type { RawImage } from './raw.js';
import { sharpCall } from './sharp-call.js';

export type OutputColourspace = 'b-w' | 'grey16' | 'srgb' | 'rgb16';

/** The colourspace that keeps the input's greyness and bit depth through sharp's output. */
export function outputColourspace({
  grey,
  sixteenBit,
}: Pick<Decoded, 'grey' | 'sixteenBit'>): OutputColourspace {
  if (grey) return sixteenBit ? 'grey16' : 'b-w';
  return sixteenBit ? 'rgb16' : 'srgb';
}

/**
 * The upscaled image as a PNG that holds everything sharp would find in a file: the input's bit
 * depth, grey or colour, alpha, and the carried ICC profile, EXIF, XMP and density. Uncompressed,
 * since it is only read back once.
 */
export async function encodeUpscaled(raw: RawImage, decoded: Decoded): Promise<Buffer> {
  const { width, height, channels, samples } = raw;
  const png = await sharpCall('encode the upscaled image', () => {
    const encoder = sharp(samples, { raw: { width, height, channels }, limitInputPixels: false })
      .toColourspace(outputColourspace(decoded))
      .png({ compressionLevel: 0 });
    if (decoded.metadata.xmp) encoder.withXmp(decoded.metadata.xmp);
    return encoder.toBuffer();
  });
  return setPngChunks(png, metadataChunks(decoded.metadata));
}
