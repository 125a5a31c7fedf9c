import { fileURLToPath } from 'node:url';
import type { VdsrWeights } from '@vdsr/core';
import { isWeightsFile, readWeightsFile } from './read-file.js';
import { weightsUrl } from './url.js';

export { weightsUrl };

/** Absolute path of the release weights file (`weights/vdsr.safetensors` in this package). */
export const weightsPath: string = fileURLToPath(weightsUrl);

/**
 * Reads and decodes the release weights. Throws VdsrError E_WEIGHTS when no trained weights are
 * installed (or the file is not valid), E_IO when the file exists but cannot be read.
 */
export function loadWeights(): Promise<VdsrWeights> {
  return readWeightsFile(weightsPath);
}

/** Whether the release weights file is installed. */
export function hasWeights(): Promise<boolean> {
  return isWeightsFile(weightsPath);
}
