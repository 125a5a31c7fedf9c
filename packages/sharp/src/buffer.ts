import { argError, type ResizeTarget } from '@vdsr/core';
import sharp from 'sharp';
import { readMetadata } from './decode.js';
import { FORMAT_OPTIONS, type OutputFormat, outputFormat } from './format.js';
import { checkOptions, type SharpUpscaleOptions } from './options.js';
import { sharpCall } from './sharp-call.js';
import { upscaleChecked } from './upscale.js';

export interface UpscaleBufferOptions extends SharpUpscaleOptions {
  /** Output format (a sharp format id, or jpg, tif, avif); default: the input's. */
  format?: OutputFormat | 'jpg' | 'tif' | 'avif';
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
  const format = outputFormat(requested, meta.format);
  const upscaled = await upscaleChecked(source, meta, target, rest);
  return sharpCall(`write the ${format} image`, () =>
    upscaled.keepMetadata().toFormat(format, FORMAT_OPTIONS[format]).toBuffer(),
  );
}
