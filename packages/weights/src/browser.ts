import type { VdsrWeights } from '@vdsr/core';
import { fetchWeights, isWeightsUrl } from './fetch.js';
import { weightsUrl } from './url.js';

export { weightsUrl };

/** In browsers there is no file system path: the URL of the weights, as a string. */
export const weightsPath: string = weightsUrl.href;

/**
 * Fetches and decodes the release weights. Throws VdsrError E_WEIGHTS when no trained weights are
 * installed (or the file is not valid), E_IO when the request fails.
 */
export function loadWeights(): Promise<VdsrWeights> {
  return fetchWeights(weightsUrl);
}

/** Whether the release weights can be fetched (a HEAD request). */
export function hasWeights(): Promise<boolean> {
  return isWeightsUrl(weightsUrl);
}
