import { DEFAULT_MAX_SCALE, type Upscaler, VdsrError } from '@vdsr/core';
import { type Command, UsageError } from '../command.js';
import { disposeUpscaler } from '../dispose-upscaler.js';
import { errorMessage } from '../error-message.js';
import { type Dataset, readDataset } from '../eval/dataset.js';
import { evaluate } from '../eval/evaluate.js';
import { formatEvalReport } from '../eval/report.js';
import { intListOption, intOption } from '../option-values.js';
import { createBatchProgress } from '../progress.js';
import {
  ENSEMBLE_OPTION,
  ensembleOption,
  RUNTIME_OPTIONS,
  TILE_OPTION,
  upscalerFromOptions,
} from '../runtime-options.js';

export const evalCommand: Command = {
  name: 'eval',
  summary:
    'Measure bicubic and VDSR on benchmark folders (Set5, Set14...) with the standard Y PSNR/SSIM protocol',
  usage: '<hr-dir...> --scale 2,3,4 [--ensemble [N]] [--json] [--bicubic-only] [options]',
  minPositionals: 1,
  maxPositionals: Number.POSITIVE_INFINITY,
  options: {
    scale: {
      type: 'string',
      short: 's',
      value: 'LIST',
      description: `Scale factors, comma-separated, e.g. 2,3,4 (at most ${DEFAULT_MAX_SCALE} for VDSR)`,
    },
    'bicubic-only': { type: 'boolean', description: 'Measure only the bicubic baseline (needs no weights)' },
    tile: TILE_OPTION,
    ensemble: {
      ...ENSEMBLE_OPTION,
      description:
        'Also measure VDSR averaged over N flips/rotations (2, 4 or 8; alone: 8): one more row, and the time ratio',
    },
    ...RUNTIME_OPTIONS,
    json: {
      type: 'boolean',
      description:
        'Print [{ dataset, scale, method, psnr, ssim, images: [{ name, psnr, ssim }], seconds?, transforms? }] on stdout',
    },
  },
  notes: [
    'Protocol (as the VDSR paper): HR cropped to multiples of the scale; LR = MATLAB imresize(HR, 1/s,',
    "'bicubic') rounded to uint8; SR = bicubic or VDSR back to the HR size; PSNR and SSIM on luma",
    '(rgb2ycbcr, uint8; a grey image is its own luma) with s pixels shaved from every border.',
    '',
    'Example:',
    '  vdsr eval ../shared/datasets/benchmark/Set5 ../shared/datasets/benchmark/Set14 --scale 2,3,4',
    '  vdsr eval ../shared/datasets/benchmark/Set5 --scale 2 --ensemble   # VDSR and VDSR ens.8 rows',
  ].join('\n'),

  async run({ values, positionals }, signal) {
    const bicubicOnly = values['bicubic-only'] === true;
    // VDSR upscales by at most DEFAULT_MAX_SCALE; the bicubic baseline has no such limit.
    const scales = intListOption(values, 'scale', 2, bicubicOnly ? undefined : DEFAULT_MAX_SCALE);
    if (!scales)
      throw new UsageError('Expected --scale with the scale factors to measure, e.g. --scale 2,3,4');
    const tileSize = intOption(values, 'tile');
    const ensemble = ensembleOption(values);
    if (ensemble !== undefined && bicubicOnly)
      throw new UsageError('Expected --ensemble or --bicubic-only, not both (the ensemble runs VDSR)');
    let failed = false;
    const datasets: Dataset[] = [];
    for (const dir of positionals) {
      try {
        const dataset = await readDataset(dir);
        if (dataset.images.length === 0) throw new VdsrError('E_IO', 'no image files in this directory');
        datasets.push(dataset);
      } catch (error) {
        failed = true;
        process.stderr.write(`vdsr: ${dir}: ${errorMessage(error)}\n`);
      }
    }
    const steps = datasets.reduce((s, d) => s + d.images.length, 0) * scales.length;
    const progress = createBatchProgress(Math.max(1, steps));
    let step = 0;
    const report = (label: string, error: unknown) => {
      failed = true;
      progress.print(`vdsr: ${label}: ${errorMessage(error)}`, 'stderr');
    };

    let upscaler: Upscaler | undefined;
    if (!bicubicOnly) upscaler = await upscalerFromOptions(values);
    try {
      const rows = await evaluate(datasets, {
        scales,
        upscaler,
        tileSize,
        ensemble: ensemble === 1 ? undefined : ensemble,
        signal,
        onStep: (label) => progress.start(step++, label),
        onError: report,
      });
      progress.finish();
      process.stdout.write(
        values.json === true ? `${JSON.stringify(rows, null, 2)}\n` : formatEvalReport(rows),
      );
    } finally {
      progress.finish();
      await disposeUpscaler(upscaler, signal);
    }
    return failed ? 1 : 0;
  },
};
