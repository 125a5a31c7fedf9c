import { extname } from 'node:path';
import { type FormatName, outputFormat, outputFormats } from '@vdsr/sharp';
import { UsageError } from '../command.js';

// File extensions and the formats, as sharp names them, that they hold. Which of these can be
// written is @vdsr/sharp's rule (outputFormats): it depends on the sharp build.
const BY_EXTENSION: Readonly<Record<string, FormatName>> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.webp': 'webp',
  '.avif': 'avif',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.gif': 'gif',
  '.heic': 'heif',
  '.heif': 'heif',
  '.jp2': 'jp2',
  '.jxl': 'jxl',
};

const EXTENSION: Readonly<Partial<Record<FormatName, string>>> = {
  png: '.png',
  jpeg: '.jpg',
  webp: '.webp',
  avif: '.avif',
  tiff: '.tiff',
  gif: '.gif',
  heif: '.heic',
  jp2: '.jp2',
  jxl: '.jxl',
};

/** The formats that go into files here: what this sharp build writes, less raw pixels (no file format). */
export async function fileFormats(): Promise<FormatName[]> {
  const names = await outputFormats();
  return names.filter((name): name is FormatName => EXTENSION[name as FormatName] !== undefined);
}

/** --format NAME (a name or alias sharp writes, e.g. jpg), as sharp's canonical name. */
export async function formatOption(raw: string | undefined): Promise<FormatName | undefined> {
  if (raw === undefined) return undefined;
  const name = raw.toLowerCase();
  const names = await outputFormats();
  if (name === 'raw' || !(names as string[]).includes(name)) {
    const writable = names.filter((n) => n !== 'raw');
    throw new UsageError(`Expected one of ${writable.join(', ')} for --format but received '${raw}'`);
  }
  return outputFormat(name, {});
}

/** The format of an output file named by `flag` (e.g. -o), from its extension; a usage error unless vdsr writes it here. */
export async function formatOfFile(path: string, flag: string): Promise<FormatName> {
  const format = BY_EXTENSION[extname(path).toLowerCase()];
  const writable = await fileFormats();
  if (format === undefined || !writable.includes(format)) {
    const extensions = Object.keys(BY_EXTENSION).filter((e) => writable.includes(BY_EXTENSION[e]!));
    throw new UsageError(
      `Expected ${flag} FILE ending in one of ${extensions.join(', ')} (the formats this sharp build writes) but received '${path}'`,
    );
  }
  return format;
}

/** The input's own extension when it already names `format` (keeps 'photo.JPEG' as '.JPEG'), else the usual one. */
export function extensionFor(format: FormatName, inputPath: string): string {
  const own = extname(inputPath);
  return BY_EXTENSION[own.toLowerCase()] === format ? own : (EXTENSION[format] ?? `.${format}`);
}
