import { extname } from 'node:path';
import type { Metadata } from 'sharp';

export const OUTPUT_FORMATS = ['png', 'jpeg', 'webp', 'avif', 'tiff'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.webp': 'webp',
  '.avif': 'avif',
  '.tif': 'tiff',
  '.tiff': 'tiff',
};

const EXTENSION: Readonly<Record<OutputFormat, string>> = {
  png: '.png',
  jpeg: '.jpg',
  webp: '.webp',
  avif: '.avif',
  tiff: '.tiff',
};

export function formatOfPath(path: string): OutputFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/** The format an input is written back in by default: its own when vdsr writes it, else PNG (GIF, SVG...). */
export function formatOfInput(meta: Pick<Metadata, 'format' | 'compression'>): OutputFormat {
  if (meta.format === 'heif') return meta.compression === 'av1' ? 'avif' : 'png';
  return (OUTPUT_FORMATS as readonly string[]).includes(meta.format) ? (meta.format as OutputFormat) : 'png';
}

/** The input's own extension when it already names `format` (keeps 'photo.JPEG' as '.JPEG'), else the usual one. */
export function extensionFor(format: OutputFormat, inputPath: string): string {
  return formatOfPath(inputPath) === format ? extname(inputPath) : EXTENSION[format];
}
