import { argError, type ResizeTarget, type TargetSize, upscaleSize, VdsrError } from '@vdsr/core';
import sharp, { type Color, type Metadata, type Sharp } from 'sharp';
import type { UpscaleBufferOptions } from './buffer.js';
import { checkInput, readMetadata } from './decode.js';
import { type FormatName, OPAQUE_FORMATS, outputFormat, outputSpec } from './format.js';
import { type CheckedOptions, checkOptions } from './options.js';
import { openSharp } from './sharp-call.js';

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

export interface Prepared {
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
export async function prepare(input: unknown, target: ResizeTarget, options: unknown): Promise<Prepared> {
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

/** The upscaled image as it is written: flattened onto `background` for a format without alpha, metadata kept. */
export function encoder(upscaled: Sharp, format: FormatName, background: Color): Sharp {
  const opaque = OPAQUE_FORMATS.has(format) ? upscaled.flatten({ background }) : upscaled;
  return opaque.keepMetadata().toFormat(format, outputSpec(format).options);
}
