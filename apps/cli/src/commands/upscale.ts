import { mkdir } from 'node:fs/promises';
import { DEFAULT_MAX_SCALE } from '@vdsr/core';
import { DEFAULT_LIMIT_INPUT_PIXELS } from '@vdsr/sharp';
import { type Command, UsageError } from '../command.js';
import { disposeUpscaler } from '../dispose-upscaler.js';
import { errorMessage } from '../error-message.js';
import { intOption, stringOption } from '../option-values.js';
import { createBatchProgress } from '../progress.js';
import {
  ENSEMBLE_OPTION,
  RUNTIME_OPTIONS,
  sessionOptionsFrom,
  TILE_OPTION,
  upscalerFromOptions,
} from '../runtime-options.js';
import { formatOfFile, formatOption } from '../upscale/formats.js';
import { expandInputs } from '../upscale/inputs.js';
import { outputTarget, protectedPaths } from '../upscale/outputs.js';
import { STDIN } from '../upscale/read-input.js';
import { parseTarget } from '../upscale/target.js';
import { type BatchSettings, upscaleFile } from '../upscale/upscale-file.js';

interface FileReport {
  readonly input: string;
  readonly ok: boolean;
  readonly output?: string;
  readonly format?: string;
  readonly width?: number;
  readonly height?: number;
  readonly seconds?: number;
  readonly error?: string;
}

export const upscaleCommand: Command = {
  name: 'upscale',
  summary:
    'Upscale images with VDSR (files, directories or globs), keeping alpha, ICC profile and orientation',
  usage: '<inputs...> (--scale S | --width W | --height H) [-o FILE|DIR] [options]',
  minPositionals: 1,
  maxPositionals: Number.POSITIVE_INFINITY,
  options: {
    scale: {
      type: 'string',
      short: 's',
      value: 'S',
      description: `Scale factor above 1 and at most ${DEFAULT_MAX_SCALE}, e.g. 2 or 1.5`,
    },
    width: {
      type: 'string',
      value: 'W',
      description: `Output width in pixels, at most ${DEFAULT_MAX_SCALE}x (height keeps the aspect ratio unless given)`,
    },
    height: {
      type: 'string',
      value: 'H',
      description: `Output height in pixels, at most ${DEFAULT_MAX_SCALE}x (width keeps the aspect ratio unless given)`,
    },
    output: {
      type: 'string',
      short: 'o',
      value: 'FILE|DIR',
      description:
        "Output file (one input; its extension sets the format) or directory (made if missing; existing, or ending in '/'); default: beside each input as NAME@2x.EXT",
    },
    format: {
      type: 'string',
      value: 'FORMAT',
      description:
        "Output format: png, jpeg, webp, avif, tiff, gif, or heif where sharp can write it (default: the input's, else png)",
    },
    page: {
      type: 'string',
      value: 'N',
      description:
        'The page (frame) of an animated GIF/WebP or multi-page TIFF to upscale, from 0 (default 0, with a warning that the others are left out)',
    },
    background: {
      type: 'string',
      value: 'COLOUR',
      description: 'What transparent areas become in JPEG output, which has no alpha (default: white)',
    },
    tile: TILE_OPTION,
    ensemble: ENSEMBLE_OPTION,
    overwrite: { type: 'boolean', description: 'Replace existing output files (inputs are never replaced)' },
    'limit-input-pixels': {
      type: 'string',
      value: 'N',
      description: `Refuse inputs of more than N pixels, 0 for no limit (default ${DEFAULT_LIMIT_INPUT_PIXELS}); the output limit (2^28 pixels) holds either way`,
    },
    ...RUNTIME_OPTIONS,
    json: {
      type: 'boolean',
      description:
        'Print a JSON array of per-file results on stdout (also of the files done when interrupted)',
    },
  },
  notes: [
    "Inputs are regular files, or '-' for stdin (with -o). One input is read only up to 8 bytes a pixel",
    'of --limit-input-pixels plus 16 MiB (at most 2 GiB); a larger one is refused before it is read.',
    '',
    'Examples:',
    '  vdsr upscale photo.jpg --scale 2                 # writes photo@2x.jpg',
    "  vdsr upscale 'shots/*.png' --width 1920 -o out/  # globs, quoted for the shell",
    '  vdsr upscale scans/ --scale 3 --format png --overwrite',
    '  vdsr upscale logo.png --scale 4 -o logo.jpg --background "#000"',
    '  vdsr upscale photo.jpg --scale 2 --ensemble     # best quality, 8 network passes',
  ].join('\n'),

  async run({ values, positionals }, signal) {
    const target = parseTarget(values);
    const format = await formatOption(stringOption(values, 'format'));
    const tileSize = intOption(values, 'tile');
    const page = intOption(values, 'page', 0);
    const limitInputPixels = intOption(values, 'limit-input-pixels', 0) ?? DEFAULT_LIMIT_INPUT_PIXELS;
    // Checked before any file is read, so a mistake is a usage error; the upscaler reads them again.
    sessionOptionsFrom(values);
    const json = values.json === true;
    const outputOption = stringOption(values, 'output');
    const { files, problems } = await expandInputs(positionals);
    const output = await outputTarget(outputOption, files.length + problems.length);
    if (files.includes(STDIN) && output.kind === 'beside-input') {
      throw new UsageError("Expected -o FILE or -o DIR with '-' (stdin) as an input");
    }
    const named = output.kind === 'file' ? await formatOfFile(output.path, '-o') : undefined;
    if (named && format && named !== format) {
      throw new UsageError(
        `Expected --format to match the extension of ${outputOption} but received --format ${format}`,
      );
    }

    const reports: FileReport[] = problems.map(({ input, message }) => ({
      input,
      ok: false,
      error: message,
    }));
    for (const { input, message } of problems) process.stderr.write(`vdsr: ${input}: ${message}\n`);
    if (files.length > 0) {
      if (output.kind === 'directory') await mkdir(output.path, { recursive: true });
      const settings: BatchSettings = {
        upscaler: await upscalerFromOptions(values),
        signal,
        written: new Set<string>(),
        target,
        output,
        format: format ?? named,
        tileSize,
        page,
        background: stringOption(values, 'background'),
        limitInputPixels,
        overwrite: values.overwrite === true,
        inputs: await protectedPaths(files),
      };
      await runBatch(files, settings, reports, json);
    }
    // Also after an interrupt: the files finished before it are done and reported.
    if (json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    return reports.some((r) => !r.ok) ? 1 : 0;
  },
};

async function runBatch(
  files: readonly string[],
  settings: BatchSettings,
  reports: FileReport[],
  json: boolean,
): Promise<void> {
  const { signal } = settings;
  const progress = createBatchProgress(files.length);
  try {
    for (const [index, input] of files.entries()) {
      // After an interrupt, every file left is reported as such (--json lists every input).
      if (signal.aborted) {
        reports.push({ input, ok: false, error: 'interrupted' });
        continue;
      }
      progress.start(index, input);
      const started = performance.now();
      try {
        const done = await upscaleFile(input, settings, {
          progress: (f) => progress.update(f),
          warn: (message) => progress.print(`vdsr: ${input}: warning: ${message}`, 'stderr'),
        });
        const seconds = (performance.now() - started) / 1000;
        reports.push({ input, ok: true, ...done, seconds: Math.round(seconds * 1000) / 1000 });
        if (!json) {
          const line = `${input} -> ${done.output} (${done.width} x ${done.height}, ${seconds.toFixed(1)} s)`;
          progress.print(line, 'stdout');
        }
      } catch (error) {
        if (signal.aborted) {
          reports.push({ input, ok: false, error: 'interrupted' });
          continue;
        }
        reports.push({ input, ok: false, error: errorMessage(error) });
        progress.print(`vdsr: ${input}: ${errorMessage(error)}`, 'stderr');
      }
    }
  } finally {
    progress.finish();
    await disposeUpscaler(settings.upscaler, signal);
  }
}
