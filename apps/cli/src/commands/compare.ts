import { DEFAULT_MAX_SCALE, type VdsrImage } from '@vdsr/core';
import { DEFAULT_LIMIT_INPUT_PIXELS } from '@vdsr/sharp';
import sharp from 'sharp';
import { writeFileAtomic } from '../atomic-write.js';
import { type Command, type OptionValues, UsageError } from '../command.js';
import { type Crop, defaultCrop } from '../compare/layout.js';
import { type Column, renderComparison } from '../compare/render.js';
import { disposeUpscaler } from '../dispose-upscaler.js';
import { bicubicUpscale, degrade, modcrop, type Score, score } from '../eval/protocol.js';
import { readImage8 } from '../eval/read-image.js';
import { intListOption, intOption, stringOption } from '../option-values.js';
import { RUNTIME_OPTIONS, TILE_OPTION, upscalerFromOptions } from '../runtime-options.js';
import { formatOfFile } from '../upscale/formats.js';
import { checkOutput, protectedPaths } from '../upscale/outputs.js';
import { maxInputBytes, readInputFile } from '../upscale/read-input.js';

function parseCrop(values: OptionValues): Crop | undefined {
  const parts = intListOption(values, 'crop', 0);
  if (!parts) return undefined;
  const [x, y, width, height] = parts;
  if (parts.length !== 4 || !width || !height) {
    throw new UsageError(
      `Expected --crop x,y,w,h with w and h above 0 but received '${stringOption(values, 'crop')}'`,
    );
  }
  return { x: x!, y: y!, width, height };
}

function checkCrop(crop: Crop, width: number, height: number): void {
  if (crop.x + crop.width > width || crop.y + crop.height > height) {
    throw new UsageError(
      `Expected --crop inside the ${width} x ${height} image (cropped to multiples of the scale) but received ${crop.x},${crop.y},${crop.width},${crop.height}`,
    );
  }
}

async function nearestUpscale(
  lr: VdsrImage<Uint8Array>,
  width: number,
  height: number,
): Promise<VdsrImage<Uint8Array>> {
  const pipeline = sharp(lr.data, {
    raw: { width: lr.width, height: lr.height, channels: lr.channels },
  }).resize(width, height, { kernel: 'nearest' });
  // sharp's raw output would turn one grey band into three.
  if (lr.channels === 1) pipeline.toColourspace('b-w');
  const data = await pipeline.raw().toBuffer();
  return { width, height, channels: lr.channels, data: new Uint8Array(data) };
}

const dB = (s: Score) => `${s.psnr.toFixed(2)} dB`;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'Render LR (nearest) | bicubic | VDSR | original side by side, with zoomed crops and PSNR',
  usage: '<image> --scale S -o FILE [--crop x,y,w,h] [options]',
  minPositionals: 1,
  maxPositionals: 1,
  options: {
    scale: {
      type: 'string',
      short: 's',
      value: 'S',
      description: `Scale factor, 2 to ${DEFAULT_MAX_SCALE} (the image is first shrunk by it)`,
    },
    output: {
      type: 'string',
      short: 'o',
      value: 'FILE',
      description: 'The sheet to write; its extension sets the format (.png, .jpg, .webp, .avif, .tiff...)',
    },
    crop: {
      type: 'string',
      value: 'x,y,w,h',
      description: 'Region to zoom, in the image (default: a centred square)',
    },
    tile: TILE_OPTION,
    overwrite: { type: 'boolean', description: 'Replace FILE if it exists' },
    ...RUNTIME_OPTIONS,
  },
  notes: [
    'The image is the ground truth: it is cropped to a multiple of S, shrunk by S with MATLAB bicubic',
    '(as the benchmarks do), and brought back by each method; PSNR is on luma with S pixels shaved.',
    '',
    'Example:',
    '  vdsr compare butterfly.png --scale 3 -o butterfly-x3.png --crop 100,60,64,64',
  ].join('\n'),

  async run({ values, positionals }, signal) {
    const scale = intOption(values, 'scale', 2, DEFAULT_MAX_SCALE);
    if (scale === undefined) {
      throw new UsageError(`Expected --scale S, a whole number from 2 to ${DEFAULT_MAX_SCALE}`);
    }
    const output = stringOption(values, 'output');
    if (output === undefined) throw new UsageError('Expected -o FILE, the comparison image to write');
    const format = await formatOfFile(output, '-o');
    const requestedCrop = parseCrop(values);
    const input = positionals[0]!;

    const bytes = await readInputFile(input, maxInputBytes(DEFAULT_LIMIT_INPUT_PIXELS));
    const hr = modcrop(await readImage8(bytes), scale);
    const crop = requestedCrop ?? defaultCrop(hr.width, hr.height);
    checkCrop(crop, hr.width, hr.height);
    await checkOutput(output, {
      inputs: await protectedPaths([input]),
      written: new Set(),
      overwrite: values.overwrite === true,
    });
    const lr = degrade(hr, scale);
    const upscaler = await upscalerFromOptions(values);
    let vdsr: VdsrImage<Uint8Array>;
    try {
      const target = { width: hr.width, height: hr.height };
      vdsr = await upscaler.upscale(lr, target, { signal, tileSize: intOption(values, 'tile') });
    } finally {
      await disposeUpscaler(upscaler, signal);
    }
    const nearest = await nearestUpscale(lr, hr.width, hr.height);
    const bicubic = bicubicUpscale(lr, hr.width, hr.height);
    const scores = {
      nearest: score(nearest, hr, scale),
      bicubic: score(bicubic, hr, scale),
      vdsr: score(vdsr, hr, scale),
    };
    const columns: Column[] = [
      { image: nearest, label: { title: `LR x${scale} (nearest)`, detail: dB(scores.nearest) } },
      { image: bicubic, label: { title: 'Bicubic', detail: dB(scores.bicubic) } },
      { image: vdsr, label: { title: 'VDSR', detail: dB(scores.vdsr) } },
      { image: hr, label: { title: 'Original' } },
    ];
    const sheet = await renderComparison(columns, crop, format);
    await writeFileAtomic(output, sheet, { overwrite: values.overwrite === true, signal });
    const line = (name: string, s: Score) => `${name} ${s.psnr.toFixed(2)} dB / SSIM ${s.ssim.toFixed(4)}`;
    process.stdout.write(
      `${input} x${scale}: ${line('bicubic', scores.bicubic)}, ${line('VDSR', scores.vdsr)} -> ${output}\n`,
    );
    return 0;
  },
};
