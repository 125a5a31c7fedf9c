import { createUpscaler, DEFAULT_MEMORY_BUDGET, type SessionOptions, type Upscaler } from '@vdsr/core';
import { backendChoices } from './backends.js';
import { type OptionSpec, type OptionValues, UsageError } from './command.js';
import { choiceOption, intOption, listOption, stringOption } from './option-values.js';
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
    description: () =>
      `Backend to run on: ${backendChoices().join(', ')} ('auto', the default: the fastest available)`,
  },
  threads: { type: 'string', value: 'N', description: 'CPU threads for the backend (default: all cores)' },
  'backend-option': {
    type: 'string',
    value: 'KEY=VALUE',
    multiple: true,
    description:
      'A session option for the backend, repeatable; VALUE is read as JSON when it parses, else as a string (e.g. executionProviders=\'["wasm"]\')',
  },
} as const satisfies Record<string, OptionSpec>;

/** --tile N, for every command that upscales with VDSR. */
export const TILE_OPTION = {
  type: 'string',
  value: 'N',
  description: `Tile side in pixels (default: sized from the backend's memory budget: 96 MiB on onnxruntime, ${DEFAULT_MEMORY_BUDGET / 2 ** 20} MiB elsewhere)`,
} as const satisfies OptionSpec;

// Set by their own flags, or not session options at all.
const RESERVED_KEYS: Readonly<Record<string, string>> = {
  backend: '--backend',
  weights: '--weights',
  ensemble: '--ensemble',
};

/** --threads and every --backend-option KEY=VALUE, as the session options the backend receives. */
export function sessionOptionsFrom(values: OptionValues): SessionOptions {
  const options: Record<string, unknown> = {};
  const threads = intOption(values, 'threads');
  if (threads !== undefined) options.threads = threads;
  for (const entry of listOption(values, 'backend-option')) {
    const match = /^([A-Za-z_$][\w$]*)=(.*)$/s.exec(entry);
    if (!match) {
      throw new UsageError(`Expected --backend-option KEY=VALUE (KEY a name) but received '${entry}'`);
    }
    const [, key, raw] = match as unknown as [string, string, string];
    if (RESERVED_KEYS[key])
      throw new UsageError(`Expected ${RESERVED_KEYS[key]} instead of --backend-option ${key}=...`);
    if (key in options)
      throw new UsageError(`Expected ${key} once but received it again in '--backend-option ${entry}'`);
    options[key] = parseValue(raw);
  }
  return options as SessionOptions;
}

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** --ensemble [N]: the geometric self-ensemble, alone all 8 transforms. */
export const ENSEMBLE_OPTION = {
  type: 'string',
  value: '[N]',
  implicit: '8',
  description:
    'Average VDSR over N flips/rotations of the input (2, 4 or 8; alone: 8): a little sharper, N times slower',
} as const satisfies OptionSpec;

/** The --ensemble value: a number of transforms, or undefined when absent. */
export function ensembleOption(values: OptionValues): 1 | 2 | 4 | 8 | undefined {
  const choice = choiceOption(values, 'ensemble', ['1', '2', '4', '8']);
  return choice === undefined ? undefined : (Number(choice) as 1 | 2 | 4 | 8);
}

/** The upscaler those options describe (with --ensemble as its default); the caller disposes of it. */
export async function upscalerFromOptions(values: OptionValues): Promise<Upscaler> {
  return createUpscaler({
    ...sessionOptionsFrom(values),
    weights: await loadCliWeights(stringOption(values, 'weights')),
    backend: stringOption(values, 'backend') ?? 'auto',
    ensemble: ensembleOption(values),
  });
}
