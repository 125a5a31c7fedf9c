import { DEFAULT_MAX_SCALE, VdsrError } from '@vdsr/core';
import { DEFAULT_LIMIT_INPUT_PIXELS } from '@vdsr/sharp';
import { type Command, UsageError } from '../command.js';
import { errorMessage } from '../error-message.js';
import { choiceOption, intOption, stringOption } from '../option-values.js';
import { createBatchProgress } from '../progress.js';
import { RUNTIME_OPTIONS, TILE_OPTION, upscalerFromOptions } from '../runtime-options.js';
import { formatOfPath, OUTPUT_FORMATS } from '../upscale/formats.js';
import { expandInputs } from '../upscale/inputs.js';
import { outputTarget, protectedPaths } from '../upscale/outputs.js';
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
        "Output file (one input) or directory (existing, or ending in '/'); default: beside each input as NAME@2x.EXT",
    },
    format: {
      type: 'string',
      value: 'FORMAT',
      description: `Output format: ${OUTPUT_FORMATS.join(', ')} (default: the input's)`,
    },
    tile: TILE_OPTION,
    overwrite: { type: 'boolean', description: 'Replace existing output files (inputs are never replaced)' },
    'limit-input-pixels': {
      type: 'string',
      value: 'N',
      description: `Refuse inputs of more than N pixels, 0 for no limit (default ${DEFAULT_LIMIT_INPUT_PIXELS})`,
    },
    ...RUNTIME_OPTIONS,
    json: { type: 'boolean', description: 'Print a JSON array of per-file results on stdout' },
  },
  notes: [
    'Examples:',
    '  vdsr upscale photo.jpg --scale 2                 # writes photo@2x.jpg',
    "  vdsr upscale 'shots/*.png' --width 1920 -o out/  # globs, quoted for the shell",
    '  vdsr upscale scans/ --scale 3 --format png --overwrite',
  ].join('\n'),

  async run({ values, positionals }, signal) {
    const target = parseTarget(values);
    const format = choiceOption(values, 'format', OUTPUT_FORMATS);
    const tileSize = intOption(values, 'tile');
    const limitInputPixels = intOption(values, 'limit-input-pixels', 0) ?? DEFAULT_LIMIT_INPUT_PIXELS;
    const json = values.json === true;
    const outputOption = stringOption(values, 'output');
    const named = outputOption === undefined ? undefined : formatOfPath(outputOption);
    const { files, problems } = await expandInputs(positionals);
    const output = await outputTarget(outputOption, files.length + problems.length);
    if (output.kind === 'file' && format && named && named !== format) {
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
      const settings: BatchSettings = {
        upscaler: await upscalerFromOptions(values),
        signal,
        written: new Set<string>(),
        target,
        output,
        format,
        tileSize,
        limitInputPixels,
        overwrite: values.overwrite === true,
        inputs: await protectedPaths(files),
      };
      await runBatch(files, settings, reports, json);
    }
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
      if (signal.aborted) break;
      progress.start(index, input);
      const started = performance.now();
      try {
        const done = await upscaleFile(input, settings, (f) => progress.update(f));
        const seconds = (performance.now() - started) / 1000;
        reports.push({ input, ok: true, ...done, seconds: Math.round(seconds * 1000) / 1000 });
        if (!json) {
          const line = `${input} -> ${done.output} (${done.width} x ${done.height}, ${seconds.toFixed(1)} s)`;
          progress.print(line, 'stdout');
        }
      } catch (error) {
        if (signal.aborted) throw new VdsrError('E_ABORTED', 'interrupted', { cause: error });
        reports.push({ input, ok: false, error: errorMessage(error) });
        progress.print(`vdsr: ${input}: ${errorMessage(error)}`, 'stderr');
      }
    }
  } finally {
    progress.finish();
    await settings.upscaler.dispose();
  }
}
