import { VdsrError } from '@vdsr/core/backend';
import type { Tf } from './tf.js';

/** Initialises tfjs backend `name` once (it may load wasm or open a WebGL context) and makes it active. */
export async function initTfjsBackend(tf: Tf, name: string): Promise<void> {
  if (tf.findBackend(name)) return useTfjsBackend(tf, name);
  if (!tf.findBackendFactory(name)) {
    throw new VdsrError(
      'E_BACKEND',
      `no tfjs backend '${name}' is registered with this @tensorflow/tfjs-core (import its package, ` +
        `e.g. @tensorflow/tfjs-backend-${name}, with the same tfjs-core)`,
    );
  }
  if (!(await tf.setBackend(name))) {
    throw new VdsrError('E_BACKEND', `tfjs could not initialise its '${name}' backend here`);
  }
}

/**
 * Makes the initialised tfjs backend `name` the active one, synchronously: tensors are created on the
 * active backend, and other code sharing the tfjs engine may have switched it, so callers switch and
 * create their tensors with nothing awaited in between. (Switching to an initialised backend completes
 * inside setBackend's synchronous part; its promise only reports true.)
 */
export function useTfjsBackend(tf: Tf, name: string): void {
  if (tf.getBackend() !== name) void tf.setBackend(name);
  if (tf.getBackend() !== name)
    throw new VdsrError('E_BACKEND', `tfjs did not switch to its '${name}' backend`);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
