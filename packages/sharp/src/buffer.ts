import { type ResizeTarget, throwIfAborted } from '@vdsr/core';
import type { Color } from 'sharp';
import type { FormatName, OutputFormat } from './format.js';
import type { SharpUpscaleOptions } from './options.js';
import { encoder, prepare } from './prepare.js';
import { sharpCall, vdsrErrors } from './sharp-call.js';
import { upscaleChecked } from './upscale.js';

export interface UpscaleBufferOptions extends SharpUpscaleOptions {
  /** Output format, as sharp's toFormat names it; default: the input's, or PNG when sharp cannot write that. */
  format?: OutputFormat;
  /**
   * The page of a multi-page input (animated GIF or WebP, multi-page TIFF) to upscale, from 0 (the
   * default): one page comes out. `planUpscaleBuffer` says how many there are.
   */
  page?: number;
  /** What transparent areas are flattened onto for a format without alpha (JPEG); default white. */
  background?: Color;
}

/** What upscaleBuffer will make of an input, known from its header alone. */
export interface UpscaleBufferPlan {
  /** The format that will be written. */
  readonly format: FormatName;
  /** The output's size. */
  readonly width: number;
  readonly height: number;
  /** The input page's size, upright (EXIF orientation applied). */
  readonly inputWidth: number;
  readonly inputHeight: number;
  /** How many pages (frames) the input has; one of them is upscaled. */
  readonly pages: number;
}

/** What upscaleBuffer would write for these arguments, from the header alone: it rejects as upscaleBuffer would before decoding. */
export function planUpscaleBuffer(
  input: Buffer | Uint8Array,
  target: ResizeTarget,
  options?: UpscaleBufferOptions,
): Promise<UpscaleBufferPlan> {
  return vdsrErrors(async () => {
    const { meta, format, size } = await prepare(input, target, options);
    return {
      format,
      width: size.width,
      height: size.height,
      inputWidth: meta.autoOrient.width,
      inputHeight: meta.autoOrient.height,
      pages: meta.pages ?? 1,
    };
  });
}

/**
 * Upscales an encoded image (JPEG, PNG, WebP, AVIF, TIFF, GIF...) with VDSR and encodes the result
 * in the same format unless `format` says otherwise, keeping alpha, grey, 16-bit depth (PNG, TIFF)
 * and the metadata (ICC profile, EXIF with orientation applied, XMP, density).
 */
export function upscaleBuffer(
  input: Buffer | Uint8Array,
  target: ResizeTarget,
  options?: UpscaleBufferOptions,
): Promise<Buffer> {
  return vdsrErrors(async () => {
    const { source, meta, format, background, options: rest } = await prepare(input, target, options);
    const upscaled = await upscaleChecked(source, meta, target, rest);
    throwIfAborted(rest.signal);
    return sharpCall(`write the ${format} image`, () => encoder(upscaled, format, background).toBuffer());
  });
}
