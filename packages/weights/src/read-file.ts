import { readFile, stat } from 'node:fs/promises';
import { parseWeights, VdsrError, type VdsrWeights } from '@vdsr/core';
import { missingWeightsError } from './missing.js';

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Reads and decodes a weights file; a missing file is E_WEIGHTS (not installed), other failures E_IO. */
export async function readWeightsFile(path: string): Promise<VdsrWeights> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (isNotFound(error)) throw missingWeightsError(path, error);
    throw new VdsrError('E_IO', `Could not read the weights file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseWeights(bytes);
}

export async function isWeightsFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if (isNotFound(error)) return false;
    throw new VdsrError('E_IO', `Could not look for the weights file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
