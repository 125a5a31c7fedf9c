import { argError, VdsrError } from '@vdsr/core';
import sharp, { type FormatEnum } from 'sharp';

export type OutputFormat = keyof FormatEnum;

const ALIASES: Record<string, string> = { jpg: 'jpeg', tif: 'tiff', avif: 'heif' };

function writable(): string[] {
  return Object.values(sharp.format)
    .filter((format) => format.output.buffer)
    .map((format) => format.id);
}

/** The sharp format to write: `requested` (checked), else the input's own, if sharp can write it. */
export function outputFormat(requested: unknown, inputFormat: string | undefined): OutputFormat {
  const formats = writable();
  if (requested !== undefined) {
    const id = typeof requested === 'string' ? (ALIASES[requested] ?? requested) : requested;
    if (typeof id !== 'string' || !formats.includes(id)) {
      throw argError(
        'options.format',
        `one of ${[...formats, ...Object.keys(ALIASES)].join(', ')}`,
        requested,
      );
    }
    return id as OutputFormat;
  }
  if (inputFormat === undefined || !formats.includes(inputFormat)) {
    throw new VdsrError(
      'E_ARG',
      `Expected options.format (one of ${formats.join(', ')}) since sharp cannot write the input's format, ${inputFormat ?? 'unknown'}`,
    );
  }
  return inputFormat as OutputFormat;
}

// sharp's TIFF default is JPEG compression: 8-bit and no alpha. A TIFF in should stay lossless.
export const FORMAT_OPTIONS: Partial<Record<OutputFormat, object>> = { tiff: { compression: 'deflate' } };
