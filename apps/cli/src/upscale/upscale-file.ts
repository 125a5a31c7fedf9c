import { readFile } from 'node:fs/promises';
import { type ResizeTarget, targetSize, type Upscaler, VdsrError } from '@vdsr/core';
import { upscaleBuffer } from '@vdsr/sharp';
import sharp, { type Metadata } from 'sharp';
import { writeFileAtomic } from '../atomic-write.js';
import { errorMessage } from '../error-message.js';
import { extensionFor, formatOfInput, formatOfPath, type OutputFormat } from './formats.js';
import { canonicalPath, checkOutput, type OutputTarget, outputPath } from './outputs.js';
import { checkTargetLimits, targetLabel } from './target.js';

/** What stays the same for every file of a batch. */
export interface BatchSettings {
  readonly upscaler: Upscaler;
  readonly target: ResizeTarget;
  readonly output: OutputTarget;
  /** --format; otherwise the output file's extension, else the input's own format. */
  readonly format?: OutputFormat;
  readonly overwrite: boolean;
  /** 0: no limit. */
  readonly limitInputPixels: number;
  readonly tileSize?: number;
  readonly signal: AbortSignal;
  /** Canonical paths of all inputs: never written. */
  readonly inputs: ReadonlySet<string>;
  /** Canonical paths written so far by this batch: never written twice. */
  readonly written: Set<string>;
}

export interface UpscaledFile {
  readonly output: string;
  readonly format: OutputFormat;
  readonly width: number;
  readonly height: number;
}

async function readInput(input: string): Promise<{ bytes: Buffer; meta: Metadata }> {
  const bytes = await readFile(input);
  if (bytes.length === 0) throw new VdsrError('E_IO', 'empty file (0 bytes)');
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw new VdsrError('E_IO', `not an image vdsr can read (${errorMessage(error)})`, { cause: error });
    });
  return { bytes, meta };
}

function checkPixelLimit(width: number, height: number, limit: number): void {
  if (limit > 0 && width * height > limit) {
    throw new VdsrError(
      'E_LIMIT',
      `the image is ${width} x ${height} = ${width * height} pixels, over the limit of ${limit}; raise it with --limit-input-pixels N (0 for no limit)`,
    );
  }
}

/**
 * Upscales one file through sharp and writes it atomically. Every check that can fail without the
 * network (readable image, pixel and scale limits, where the output goes) runs before the upscale.
 */
export async function upscaleFile(
  input: string,
  settings: BatchSettings,
  onProgress: (fraction: number) => void,
): Promise<UpscaledFile> {
  const { bytes, meta } = await readInput(input);
  const { width, height } = meta.autoOrient;
  checkPixelLimit(width, height, settings.limitInputPixels);
  const size = targetSize(width, height, settings.target);
  checkTargetLimits(settings.target, width, height, size);
  const fromOutputName = settings.output.kind === 'file' ? formatOfPath(settings.output.path) : undefined;
  const format = settings.format ?? fromOutputName ?? formatOfInput(meta);
  const label = targetLabel(settings.target, size.width, size.height);
  const output = outputPath(settings.output, input, label, extensionFor(format, input));
  await checkOutput(output, settings);
  const data = await upscaleBuffer(bytes, settings.target, {
    upscaler: settings.upscaler,
    format,
    limitInputPixels: settings.limitInputPixels === 0 ? false : settings.limitInputPixels,
    signal: settings.signal,
    tileSize: settings.tileSize,
    onProgress: (progress) => onProgress(progress.fraction),
  });
  await writeFileAtomic(output, data, { overwrite: settings.overwrite, signal: settings.signal });
  settings.written.add(await canonicalPath(output));
  return { output, format, width: size.width, height: size.height };
}
