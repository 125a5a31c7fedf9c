import { argError, VdsrError } from '@vdsr/core';
import sharp, { type FormatEnum, type Metadata } from 'sharp';

const ALIASES = { jpg: 'jpeg', tif: 'tiff' } as const;

// Output formats as sharp's toFormat names them -> the sharp.format entry that says if they can be written.
const FORMATS = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
  heif: 'heif',
  tiff: 'tiff',
  gif: 'gif',
  jp2: 'jp2',
  jxl: 'jxl',
  raw: 'raw',
} as const satisfies Record<string, keyof FormatEnum>;

type FormatName = keyof typeof FORMATS;
export type OutputFormat = FormatName | keyof typeof ALIASES;

/** How to call sharp's toFormat. */
export interface OutputSpec {
  readonly format: FormatName;
  readonly options?: object;
}

// sharp's TIFF default is JPEG compression (8-bit, no alpha): a TIFF in should stay lossless. sharp's
// heif() needs a compression: HEIF proper is HEVC (AVIF, AV1 in the same container, is 'avif').
const OPTIONS: Partial<Record<FormatName, object>> = {
  tiff: { compression: 'deflate' },
  heif: { compression: 'hevc' },
};

function writable(): string[] {
  const names = (Object.keys(FORMATS) as FormatName[]).filter(
    (name) => sharp.format[FORMATS[name]]?.output.buffer,
  );
  const aliases = (Object.keys(ALIASES) as (keyof typeof ALIASES)[]).filter((alias) =>
    names.includes(ALIASES[alias]),
  );
  return [...names, ...aliases];
}

function inputFormat(meta: Metadata): string | undefined {
  if (meta.format === 'heif') return meta.compression === 'hevc' ? 'heif' : 'avif';
  return meta.format;
}

/** The format to write: `requested` (checked), else the input's own, if sharp can write it. */
export function outputSpec(requested: unknown, meta: Metadata): OutputSpec {
  const names = writable();
  if (requested !== undefined && !(typeof requested === 'string' && names.includes(requested))) {
    throw argError('options.format', `one of ${names.join(', ')}`, requested);
  }
  const name = (requested ?? inputFormat(meta)) as OutputFormat;
  if (!names.includes(name)) {
    throw new VdsrError(
      'E_ARG',
      `Expected options.format (one of ${names.join(', ')}) since sharp cannot write the input's format, ${meta.format ?? 'unknown'}`,
    );
  }
  const format = name in ALIASES ? ALIASES[name as keyof typeof ALIASES] : (name as FormatName);
  return { format, options: OPTIONS[format] };
}
