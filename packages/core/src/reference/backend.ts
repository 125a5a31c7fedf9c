import type { Backend, BackendSession, SessionOptions } from '../backend.js';
import { assertSessionOptions } from '../backends/args.js';
import { assertWeights } from '../backends/weights.js';
import { VdsrError } from '../errors.js';
import type { VdsrWeights } from '../weights/types.js';
import { ReferenceSession } from './session.js';

/**
 * Plain TypeScript, float32 activations with float64 sums: slow but exact, available everywhere, and
 * the yardstick every other backend is measured against. Single-threaded, so `threads` is accepted
 * and ignored.
 */
export const referenceBackend: Backend = Object.freeze({
  name: 'reference',
  async isAvailable() {
    return { available: true };
  },
  async createSession(weights: VdsrWeights, options?: SessionOptions): Promise<BackendSession> {
    assertSessionOptions(options);
    assertWeights(weights);
    if (weights.architecture.kernelSize !== 3) {
      throw new VdsrError(
        'E_WEIGHTS',
        `Expected 3x3 kernels (the only size the reference backend runs) but received kernelSize ${weights.architecture.kernelSize}`,
      );
    }
    return new ReferenceSession(weights);
  },
});
