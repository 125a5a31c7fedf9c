import { argError, type ResizeTarget, VdsrError } from '@vdsr/core';
import sharp, { type Color, type Metadata, type Sharp } from 'sharp';
import { readMetadata } from './decode.js';
import { OPAQUE_FORMATS, type OutputFormat, outputFormat, outputSpec } from './format.js';
import { checkOptions, type SharpUpscaleOptions } from './options.js';
import { openSharp, sharpCall, vdsrErrors } from './sharp-call.js';
import { upscaleChecked } from './upscale.js';

export interface UpscaleBufferOptions extends SharpUpscaleOptions {
  /** Output format, as sharp's toFormat names it; default: the input's, or PNG when sharp cannot write that. */
  format?: OutputFormat;
  /**
   * The page of a multi-page input (animated GIF or WebP, multi-page TIFF) to upscale, from 0 (the
   * default): one page comes out. sharp's metadata().pages says how many there are.
   */
  page?: number;
  /** What transparent areas are flattened onto for a format without alpha (JPEG); default white. */
  background?: Color;
}

const WHITE = '#ffffff';

function checkPage(page: unknown): number {
  if (page === undefined) return 0;
  if (typeof page !== 'number' || !Number.isInteger(page) || page < 0) {
    throw argError('options.page', 'a whole number >= 0', page);
  }
  return page;
}

function checkBackground(background: unknown): Color {
  if (background === undefined) return WHITE;
  try {
    // sharp parses colours when flatten() is called, before any input is needed.
    sharp().flatten({ background: background as Color });
  } catch {
    throw argError(
      'options.background',
      'a colour sharp understands (a CSS string or { r, g, b })',
      background,
    );
  }
  return background as Color;
}

/** The asked page of `input`, opened, with its header. */
async function openPage(input: Uint8Array, page: number): Promise<{ source: Sharp; meta: Metadata }> {
  // The limit is ours (E_LIMIT, checked on the header before decoding), so sharp's is off.
  const first = openSharp(input, { limitInputPixels: false });
  const meta = await readMetadata(first);
  if (page === 0) return { source: first, meta };
  const pages = meta.pages ?? 1;
  if (page >= pages) {
    throw new VdsrError(
      'E_ARG',
      `Expected options.page from 0 to ${pages - 1} (the image has ${pages} page${pages === 1 ? '' : 's'}) but received ${page}`,
      { details: { option: 'options.page', value: page, min: 0, max: pages - 1 } },
    );
  }
  const source = openSharp(input, { limitInputPixels: false, page });
  return { source, meta: await readMetadata(source) };
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
    if (!(input instanceof Uint8Array) || input.length === 0) {
      throw argError('input', 'a Buffer holding an encoded image', input);
    }
    const checked = checkOptions(options);
    const { format: requested, page, background, ...rest } = checked as UpscaleBufferOptions & typeof checked;
    const flattenOn = checkBackground(background);
    const { source, meta } = await openPage(input, checkPage(page));
    const format = await outputFormat(requested, meta);
    const upscaled = await upscaleChecked(source, meta, target, rest, { headerIsImage: true });
    const { options: formatOptions } = outputSpec(format);
    return sharpCall(`write the ${format} image`, () => {
      const opaque = OPAQUE_FORMATS.has(format) ? upscaled.flatten({ background: flattenOn }) : upscaled;
      return opaque.keepMetadata().toFormat(format, formatOptions).toBuffer();
    });
  });
}
