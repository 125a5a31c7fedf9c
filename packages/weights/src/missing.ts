import { VdsrError } from '@vdsr/core';

/** The one error every entry throws when the release file is not where the package expects it. */
export function missingWeightsError(location: string, cause?: unknown): VdsrError {
  return new VdsrError(
    'E_WEIGHTS',
    `No trained VDSR weights are installed: expected them at ${location}, but nothing is there. ` +
      'Train them with the training/ folder of the vdsr repository (see training/README.md) and copy the ' +
      'resulting vdsr.safetensors to that path, or read your own weights file with parseWeights() from @vdsr/core.',
    { cause },
  );
}
