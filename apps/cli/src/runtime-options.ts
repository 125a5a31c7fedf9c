import { createUpscaler, DEFAULT_MEMORY_BUDGET, type Upscaler } from '@vdsr/core';
import type { OptionSpec, OptionValues } from './command.js';
import { intOption, stringOption } from './option-values.js';
import { loadCliWeights } from './weights.js';

/** The options of every command that runs the network. */
export const RUNTIME_OPTIONS = {
  weights: {
    type: 'string',
    value: 'FILE',
    description: 'A vdsr weights file (.safetensors); default: the installed @vdsr/weights',
  },
  backend: {
    type: 'string',
    value: 'NAME',
    description:
      "Backend to run on: 'auto' (default: the fastest available), onnxruntime, onnxruntime-web, reference",
  },
  threads: { type: 'string', value: 'N', description: 'CPU threads for the backend (default: all cores)' },
} as const satisfies Record<string, OptionSpec>;

/** --tile N, for every command that upscales with VDSR. */
export const TILE_OPTION = {
  type: 'string',
  value: 'N',
  description: `Tile side in pixels (default: sized from the backend's memory budget: 1 GiB on onnxruntime, ${DEFAULT_MEMORY_BUDGET / 2 ** 20} MiB elsewhere)`,
} as const satisfies OptionSpec;

/** The upscaler those options describe; the caller disposes of it. */
export async function upscalerFromOptions(values: OptionValues): Promise<Upscaler> {
  return createUpscaler({
    weights: await loadCliWeights(stringOption(values, 'weights')),
    backend: stringOption(values, 'backend') ?? 'auto',
    threads: intOption(values, 'threads'),
  });
}
