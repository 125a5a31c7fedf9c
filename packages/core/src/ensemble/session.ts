import type { BackendSession } from '../backend.js';
import { assertPlane } from '../backends/args.js';
import { argError, assertSignal, throwIfAborted } from '../errors.js';
import { runChecked } from '../tiling/run.js';
import { type Ensemble, ensembleSize } from './options.js';
import { addInverse, ENSEMBLE_TRANSFORMS, transformedSize, transformPlane } from './transforms.js';

/** Called after every pass of a run: `pass` of `passes` (1-based) for that run's plane. */
export type PassListener = (pass: number, passes: number) => void;

/**
 * A session that runs every plane under each transform of the ensemble (flipped, rotated), turns each
 * output back and averages them: the x8 self-ensemble with `true` or 8. Each pass sees a whole tile,
 * so with the tiling's halo a tiled run still equals the whole-image run. Checks `signal` before every
 * pass. Precision, limits and memory budget are the wrapped session's (the transforms keep a tile's
 * pixel count and longest side); dispose() disposes of it.
 */
export function ensembleSession(
  session: BackendSession,
  ensemble: Ensemble,
  onPass?: PassListener,
): BackendSession {
  if (typeof session?.run !== 'function') throw argError('session', 'a BackendSession', session);
  const transforms = ENSEMBLE_TRANSFORMS[ensembleSize(ensemble)];
  if (onPass !== undefined && typeof onPass !== 'function') throw argError('onPass', 'a function', onPass);
  const { backend, precision, limits, memoryBudget } = session;
  return {
    backend,
    ...(precision === undefined ? {} : { precision }),
    ...(limits === undefined ? {} : { limits }),
    ...(memoryBudget === undefined ? {} : { memoryBudget }),
    async run(y, width, height, signal) {
      assertPlane(y, width, height);
      assertSignal(signal);
      // Float64 sums of float32 outputs are exact, so identical passes average to exactly one of them.
      const sum = new Float64Array(y.length);
      for (const [index, t] of transforms.entries()) {
        throwIfAborted(signal);
        const [w, h] = transformedSize(t, width, height);
        const out = await runChecked(
          session,
          transformPlane(y, width, height, t),
          { x: 0, y: 0, width: w, height: h },
          signal,
        );
        addInverse(sum, out, width, height, t);
        onPass?.(index + 1, transforms.length);
      }
      const mean = new Float32Array(y.length);
      for (let i = 0; i < sum.length; i++) mean[i] = sum[i]! / transforms.length;
      return mean;
    },
    dispose: () => session.dispose(),
  };
}
