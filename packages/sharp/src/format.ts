import { argError } from '@vdsr/core';
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

export type FormatName = keyof typeof FORMATS;
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

/** Formats that cannot hold alpha: an image with alpha is flattened onto a background for them. */
export const OPAQUE_FORMATS: ReadonlySet<FormatName> = new Set(['jpeg']);

/** The format written when the input's own cannot be (SVG, PDF, HEIC without an HEVC encoder...). */
export const FALLBACK_FORMAT: FormatName = 'png';

// sharp.format says whether libheif can save, not with which codec: sharp's prebuilt libvips encodes
// AV1 (AVIF) but not HEVC (HEIC). A one-pixel encode tells, once per process.
const probes = new Map<FormatName, Promise<boolean>>();

function probe(format: FormatName): Promise<boolean> {
  let known = probes.get(format);
  if (!known) {
    known = sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .toFormat(format, OPTIONS[format])
      .toBuffer()
      .then(
        () => true,
        () => false,
      );
    probes.set(format, known);
  }
  return known;
}

async function canWrite(name: FormatName): Promise<boolean> {
  if (!sharp.format[FORMATS[name]]?.output.buffer) return false;
  return FORMATS[name] === 'heif' ? probe(name) : true;
}

/** The formats this sharp build writes, as toFormat names them, aliases (jpg, tif) included. */
export async function outputFormats(): Promise<OutputFormat[]> {
  const names = Object.keys(FORMATS) as FormatName[];
  const writable = (await Promise.all(names.map(canWrite))).flatMap((ok, i) => (ok ? [names[i]!] : []));
  const aliases = (Object.keys(ALIASES) as (keyof typeof ALIASES)[]).filter((alias) =>
    writable.includes(ALIASES[alias]),
  );
  return [...writable, ...aliases];
}

function inputFormat(meta: Partial<Pick<Metadata, 'format' | 'compression'>>): string | undefined {
  if (meta.format === 'heif') return meta.compression === 'hevc' ? 'heif' : 'avif';
  return meta.format;
}

/**
 * The one rule for what vdsr writes: `requested` if this sharp build writes it (E_ARG, with
 * `details.option` 'format', if not), else the input's own format, else PNG.
 */
export async function outputFormat(
  requested: unknown,
  meta: Partial<Pick<Metadata, 'format' | 'compression'>>,
): Promise<FormatName> {
  const names = await outputFormats();
  const canonical = (name: OutputFormat): FormatName =>
    name in ALIASES ? ALIASES[name as keyof typeof ALIASES] : (name as FormatName);
  if (requested !== undefined) {
    if (typeof requested === 'string' && (names as string[]).includes(requested)) {
      return canonical(requested as OutputFormat);
    }
    throw argError('options.format', `one of ${names.join(', ')} (what this sharp build writes)`, requested);
  }
  const own = inputFormat(meta);
  return own !== undefined && (names as string[]).includes(own)
    ? canonical(own as OutputFormat)
    : FALLBACK_FORMAT;
}

/** How to call toFormat for `format`. */
export function outputSpec(format: FormatName): OutputSpec {
  return { format, options: OPTIONS[format] };
}
