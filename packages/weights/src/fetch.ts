import { parseWeights, VdsrError, type VdsrWeights } from '@vdsr/core';
import { missingWeightsError } from './missing.js';

async function request(url: URL, method: 'GET' | 'HEAD'): Promise<Response> {
  try {
    return await fetch(url, { method });
  } catch (error) {
    throw new VdsrError('E_IO', `Could not fetch the weights from ${url.href}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

// Dev servers with an SPA fallback answer a missing asset with index.html and status 200.
function isMissing(response: Response): boolean {
  return response.status === 404 || (response.headers.get('content-type') ?? '').startsWith('text/html');
}

/** Fetches and decodes a weights file; a missing one is E_WEIGHTS (not installed), other failures E_IO. */
export async function fetchWeights(url: URL): Promise<VdsrWeights> {
  const response = await request(url, 'GET');
  if (isMissing(response)) throw missingWeightsError(url.href);
  if (!response.ok) {
    throw new VdsrError('E_IO', `Could not fetch the weights from ${url.href}: HTTP ${response.status}`);
  }
  return parseWeights(new Uint8Array(await response.arrayBuffer()));
}

export async function isWeightsUrl(url: URL): Promise<boolean> {
  const response = await request(url, 'HEAD');
  return response.ok && !isMissing(response);
}
