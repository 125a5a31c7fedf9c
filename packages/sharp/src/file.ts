import { rename } from 'node:fs/promises';
import { extname } from 'node:path';
import { argError, type ResizeTarget, throwIfAborted, VdsrError } from '@vdsr/core';
import type { OutputInfo } from 'sharp';
import type { UpscaleBufferOptions } from './buffer.js';
import { inFile } from './carrier.js';
import { outputFormats } from './format.js';
import { checkOptions } from './options.js';
import { encoder, prepare } from './prepare.js';
import { sharpCall, vdsrErrors } from './sharp-call.js';
import { withTempFiles } from './temp-files.js';
import { upscaleChecked } from './upscale.js';

/**
 * `requested`, else the format `outputPath`'s extension names, as sharp's toFile infers it; raw
 * pixels are not a file format for sharp.
 */
async function fileFormat(outputPath: string, requested: unknown): Promise<unknown> {
  const names = (await outputFormats()).filter((name) => name !== 'raw');
  if (requested === 'raw') {
    throw argError('options.format', `one of ${names.join(', ')} (raw pixels: upscaleBuffer)`, requested);
  }
  if (requested !== undefined) return requested;
  const extension = extname(outputPath).slice(1).toLowerCase();
  if ((names as string[]).includes(extension)) return extension;
  throw argError(
    'outputPath',
    `a file name ending in .${names.join(', .')} (what this sharp build writes), or options.format`,
    outputPath,
  );
}

/**
 * upscaleBuffer, written to `outputPath` (sharp's toFile to upscaleBuffer's toBuffer): the format is
 * `options.format`, else the one the extension names. Memory stays that of the input and a few
 * strips, whatever the output's size: the upscaled image goes to a temporary carrier file strip by
 * strip, and sharp encodes from it straight to a temporary output file, renamed to `outputPath`
 * once complete (an existing file is replaced). Both temporary files (`.NAME.PID-RANDOM.tmp`, beside
 * `outputPath`) are removed whatever happens.
 */
export function upscaleFile(
  input: Buffer | Uint8Array,
  outputPath: string,
  target: ResizeTarget,
  options?: UpscaleBufferOptions,
): Promise<OutputInfo> {
  return vdsrErrors(async () => {
    if (typeof outputPath !== 'string' || outputPath === '') {
      throw argError('outputPath', 'a file path', outputPath);
    }
    checkOptions(options);
    const format = await fileFormat(outputPath, options?.format);
    const prepared = await prepare(input, target, { ...options, format });
    const { source, meta, background, options: rest } = prepared;
    return withTempFiles(outputPath, 2, async ([carrier, written]) => {
      const upscaled = await upscaleChecked(source, meta, target, rest, inFile(carrier!));
      throwIfAborted(rest.signal);
      const info = await sharpCall(`write the ${prepared.format} image`, () =>
        encoder(upscaled, prepared.format, background).toFile(written!),
      );
      throwIfAborted(rest.signal);
      await rename(written!, outputPath).catch((error: Error) => {
        throw new VdsrError('E_IO', `Could not write ${outputPath}: ${error.message}`, { cause: error });
      });
      return info;
    });
  });
}
