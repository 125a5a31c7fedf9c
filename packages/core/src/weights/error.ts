import { VdsrError } from '../errors.js';

/** E_WEIGHTS: weights, or a weights file, that cannot be used. */
export function weightsError(message: string, cause?: unknown): VdsrError {
  return new VdsrError('E_WEIGHTS', message, { cause });
}
