import { argError, type ResizeTarget } from '@vdsr/core';
import sharp from 'sharp';
import { readMetadata } from './decode.js';
import { type OutputFormat, outputSpec } from './format.js';
import { checkOptions, type SharpUpscaleOptions } from './options.js';
import { sharpCall } from './sharp-call.js';
import { upscaleChecked } from './upscale.js';

export interface UpscaleBufferOptions extends SharpUpscaleOptions {
  /** Output format, as sharp's toFormat names it; default: the input's. */
  format?: OutputFormat;
}

/**
 * Upscales an encoded image (JPEG, PNG, WebP, AVIF, TIFF, GIF...) with VDSR and encodes the result
 * in the same format unless `format` says otherwise, keeping alpha, grey, 16-bit depth (PNG, TIFF)
 * and the metadata (ICC profile, EXIF with orientation applied, XMP, density).
 */
export async function upscaleBuffer(
  input: Buffer | Uint8Array,
  target: ResizeTarget,
  options?: UpscaleBufferOptions,
): Promise<Buffer> {
  if (!(input instanceof Uint8Array)) throw argError('input', 'a Buffer', input);
  const checked = checkOptions(options);
  const { format: requested, ...rest } = checked as UpscaleBufferOptions & typeof checked;
  // The limit is ours (E_LIMIT, checked on the header before decoding), so sharp's is off.
  const source = sharp(input, { limitInputPixels: false });
  const meta = await readMetadata(source);
  const { format, options: formatOptions } = outputSpec(requested, meta);
  const upscaled = await upscaleChecked(source, meta, target, rest);
  return sharpCall(`write the ${format} image`, () =>
    upscaled.keepMetadata().toFormat(format, formatOptions).toBuffer(),
  );
}
