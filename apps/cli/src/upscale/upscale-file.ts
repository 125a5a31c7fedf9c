import type { ResizeTarget, Upscaler } from '@vdsr/core';
import {
  type FormatName,
  planUpscaleBuffer,
  type UpscaleBufferOptions,
  upscaleFile as upscaleToFile,
} from '@vdsr/sharp';
import { writeAtomic } from '../atomic-write.js';
import { inFlagTerms } from './flag-messages.js';
import { extensionFor } from './formats.js';
import { canonicalPath, checkOutput, type OutputTarget, outputPath } from './outputs.js';
import { maxInputBytes, readInputFile, readInputStream, STDIN } from './read-input.js';
import { targetLabel } from './target.js';

/** What stays the same for every file of a batch. */
export interface BatchSettings {
  readonly upscaler: Upscaler;
  readonly target: ResizeTarget;
  readonly output: OutputTarget;
  /** --format, or the format of the -o file's extension; otherwise @vdsr/sharp's rule (the input's, else PNG). */
  readonly format?: FormatName;
  readonly overwrite: boolean;
  /** 0: no limit. */
  readonly limitInputPixels: number;
  readonly tileSize?: number;
  /** --page; undefined: the first page, with a warning when there are more. */
  readonly page?: number;
  readonly background?: string;
  readonly signal: AbortSignal;
  /** Canonical paths of all inputs: never written. */
  readonly inputs: ReadonlySet<string>;
  /** Canonical paths written so far by this batch: never written twice. */
  readonly written: Set<string>;
}

export interface UpscaledFile {
  readonly output: string;
  readonly format: FormatName;
  readonly width: number;
  readonly height: number;
}

export interface FileEvents {
  progress(fraction: number): void;
  /** Something the user should know that does not stop the file (e.g. frames left out). */
  warn(message: string): void;
}

function readInput(input: string, settings: BatchSettings): Promise<Buffer> {
  const max = maxInputBytes(settings.limitInputPixels);
  return input === STDIN ? readInputStream(process.stdin, max) : readInputFile(input, max);
}

/**
 * Upscales one file through @vdsr/sharp and writes it atomically. Every check that can fail without
 * the network (readable image, pixel and scale limits, where the output goes) runs before the
 * upscale; the limits are @vdsr/sharp's and the core's, worded here in terms of the flags.
 */
export async function upscaleFile(
  input: string,
  settings: BatchSettings,
  events: FileEvents,
): Promise<UpscaledFile> {
  const bytes = await readInput(input, settings);
  const options: UpscaleBufferOptions = {
    format: settings.format,
    page: settings.page,
    background: settings.background,
    limitInputPixels: settings.limitInputPixels === 0 ? false : settings.limitInputPixels,
  };
  try {
    const plan = await planUpscaleBuffer(bytes, settings.target, options);
    if (plan.pages > 1 && settings.page === undefined) {
      events.warn(`has ${plan.pages} pages (frames); only the first is upscaled (--page N picks another)`);
    }
    const label = targetLabel(settings.target, plan.width, plan.height);
    const output = outputPath(settings.output, input, label, extensionFor(plan.format, input));
    await checkOutput(output, settings);
    // @vdsr/sharp writes the image to the temporary file without ever holding it whole.
    const write = (temp: string) =>
      upscaleToFile(bytes, temp, settings.target, {
        ...options,
        format: plan.format,
        upscaler: settings.upscaler,
        signal: settings.signal,
        tileSize: settings.tileSize,
        onProgress: (progress) => events.progress(progress.fraction),
      });
    await writeAtomic(output, write, { overwrite: settings.overwrite, signal: settings.signal });
    settings.written.add(await canonicalPath(output));
    return { output, format: plan.format, width: plan.width, height: plan.height };
  } catch (error) {
    throw inFlagTerms(error, settings.target);
  }
}
