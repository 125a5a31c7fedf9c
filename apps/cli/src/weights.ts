import { readFile } from 'node:fs/promises';
import { parseWeights, VdsrError, type VdsrWeights } from '@vdsr/core';
import { loadWeights } from '@vdsr/weights';
import { errorMessage } from './error-message.js';

/** The weights of `--weights FILE`, or the installed release weights. */
export async function loadCliWeights(file: string | undefined): Promise<VdsrWeights> {
  if (file === undefined) {
    try {
      return await loadWeights();
    } catch (error) {
      if (error instanceof VdsrError && error.code === 'E_WEIGHTS') {
        throw new VdsrError('E_WEIGHTS', `${error.message} Or pass a weights file with --weights FILE.`, {
          cause: error,
        });
      }
      throw error;
    }
  }
  const bytes = await readFile(file).catch((error: unknown) => {
    throw new VdsrError('E_IO', `cannot read the weights file: ${errorMessage(error)}`, { cause: error });
  });
  try {
    return await parseWeights(bytes);
  } catch (error) {
    throw new VdsrError('E_WEIGHTS', `${file}: ${errorMessage(error)}`, { cause: error });
  }
}
