import { createUpscaler, type Upscaler } from '@vdsr/core';
import { loadWeights } from '@vdsr/weights';
import type { CheckedOptions } from './options.js';

/**
 * Runs `work` with the caller's upscaler, or with one made from the options (release weights and
 * the 'auto' backend by default) and disposed afterwards, whatever happens.
 */
export async function withUpscaler<T>(
  options: CheckedOptions,
  work: (upscaler: Upscaler) => Promise<T>,
): Promise<T> {
  if (options.upscaler) return work(options.upscaler);
  const weights = options.weights ?? (await loadWeights());
  const upscaler = await createUpscaler({
    ...options.sessionOptions,
    weights,
    backend: options.backend ?? 'auto',
  });
  try {
    return await work(upscaler);
  } finally {
    await upscaler.dispose();
  }
}
