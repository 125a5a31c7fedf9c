import type { VdsrImage } from '@vdsr/core';
import sharp from 'sharp';

/**
 * An image file (a path, or its bytes) as 8-bit samples the way the benchmarks read it: grey stays one channel (its values
 * are the luma, as MATLAB's test code uses a grey image), colour becomes sRGB; alpha is dropped.
 */
export async function readImage8(file: string | Buffer): Promise<VdsrImage<Uint8Array>> {
  const meta = await sharp(file).metadata();
  const grey = meta.channels <= 2;
  // sharp's raw output turns grey into RGB unless asked, so grey is pinned to one band.
  const pipeline = sharp(file).autoOrient().removeAlpha();
  if (grey) pipeline.extractChannel(0).toColourspace('b-w');
  else pipeline.toColourspace('srgb');
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: grey ? 1 : 3, data: new Uint8Array(data) };
}
