import {
  argError,
  type ResizeTarget,
  type TargetSize,
  throwIfAborted,
  upscaleSize,
  VdsrError,
} from '@vdsr/core';
import sharp, { type Color, type Metadata, type Sharp } from 'sharp';
import { checkInput, readMetadata } from './decode.js';
import { type FormatName, OPAQUE_FORMATS, type OutputFormat, outputFormat, outputSpec } from './format.js';
import { type CheckedOptions, checkOptions, type SharpUpscaleOptions } from './options.js';
import { openSharp, sharpCall, vdsrErrors } from './sharp-call.js';
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

interface Prepared {
  readonly source: Sharp;
  readonly meta: Metadata;
  readonly format: FormatName;
  readonly size: TargetSize;
  readonly background: Color;
  readonly options: CheckedOptions;
}

/**
 * Every check that needs only the header: arguments, page, pixel limit and output size (whatever
 * limitInputPixels says: a small file can claim 60000 x 60000 pixels), and the format to write.
 */
async function prepare(input: unknown, target: ResizeTarget, options: unknown): Promise<Prepared> {
  if (!(input instanceof Uint8Array) || input.length === 0) {
    throw argError('input', 'a Buffer holding an encoded image', input);
  }
  const checked = checkOptions(options);
  const { format: requested, page, background, ...rest } = checked as UpscaleBufferOptions & CheckedOptions;
  const flattenOn = checkBackground(background);
  const { source, meta } = await openPage(input, checkPage(page));
  checkInput(meta, rest.limitInputPixels);
  const size = upscaleSize(meta.autoOrient, target, rest);
  const format = await outputFormat(requested, meta);
  return { source, meta, format, size, background: flattenOn, options: rest };
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
    const { options: formatOptions } = outputSpec(format);
    return sharpCall(`write the ${format} image`, () => {
      const opaque = OPAQUE_FORMATS.has(format) ? upscaled.flatten({ background }) : upscaled;
      return opaque.keepMetadata().toFormat(format, formatOptions).toBuffer();
    });
  });
}
