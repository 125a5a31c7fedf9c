import {
  type Availability,
  argError,
  assertSessionOptions,
  assertWeights,
  type Backend,
  type Precision,
  type SessionLimits,
  type SessionOptions,
  VdsrError,
  type VdsrWeights,
} from '@vdsr/core/backend';
import { errorMessage, initTfjsBackend, useTfjsBackend } from './activate.js';
import { TfjsVdsrGraph } from './graph.js';
import { TfjsSession } from './session.js';
import type { Tf } from './tf.js';

export interface TfjsBackendOptions {
  /** The vdsr backend's name ('tfjs-webgl', 'tfjs-node', ...), as registered and as sessions report it. */
  readonly name: string;
  /**
   * The tfjs namespace (`@tensorflow/tfjs-core`, `@tensorflow/tfjs` or `@tensorflow/tfjs-node`), or a
   * function that loads it on first use, so that importing an adapter loads no tfjs.
   */
  readonly tf: Tf | (() => Tf | Promise<Tf>);
  /**
   * The tfjs backend to run on ('cpu', 'wasm', 'webgl', 'webgpu', 'tensorflow'), registered with that
   * tfjs-core. Sessions make it tfjs's active backend before each run.
   */
  readonly tfjsBackend: string;
  /**
   * What the tfjs backend computes in. Default: from `tf.backend().floatPrecision()`, 16 -> 'f16',
   * 32 -> 'f32'.
   */
  readonly precision?: (tf: Tf) => Precision;
  /** The engine's hard tile limits for these weights (e.g. from the GPU's texture size). */
  readonly limits?: (tf: Tf, weights: VdsrWeights) => SessionLimits | undefined;
  /** The sessions' preferred tile memory (BackendSession.memoryBudget); the core's default if unset. */
  readonly memoryBudget?: number;
  /** The priority 'auto' should rank the backend at here, when it differs from the registered one. */
  readonly priority?: (tf: Tf) => number | undefined;
  /** Why the engine can no longer run (a lost WebGL context), or undefined while it can. */
  readonly lost?: (tf: Tf) => string | undefined;
}

function checkOptions(options: TfjsBackendOptions): void {
  if (typeof options !== 'object' || options === null) throw argError('options', 'an object', options);
  const { name, tf, tfjsBackend, precision, limits, memoryBudget, priority, lost } = options;
  if (typeof name !== 'string' || name === '') throw argError('options.name', 'a non-empty string', name);
  if ((typeof tf !== 'object' && typeof tf !== 'function') || tf === null) {
    throw argError('options.tf', 'a tfjs namespace or a function that loads one', tf);
  }
  if (typeof tfjsBackend !== 'string' || tfjsBackend === '') {
    throw argError('options.tfjsBackend', "a tfjs backend name such as 'wasm'", tfjsBackend);
  }
  for (const [key, value] of Object.entries({ precision, limits, priority, lost })) {
    if (value !== undefined && typeof value !== 'function')
      throw argError(`options.${key}`, 'a function', value);
  }
  if (memoryBudget !== undefined && !(typeof memoryBudget === 'number' && memoryBudget > 0)) {
    throw argError('options.memoryBudget', 'a positive number of bytes', memoryBudget);
  }
}

/**
 * A vdsr Backend running the VDSR graph on one tfjs backend of the given tfjs namespace. Sessions
 * upload the weights once, declare their precision (by default what tfjs reports), and free every
 * intermediate tensor of every tile.
 */
export function createTfjsBackend(options: TfjsBackendOptions): Backend {
  checkOptions(options);
  const { name, tfjsBackend } = options;
  let loading: Promise<Tf> | undefined;
  const load = async (): Promise<Tf> => {
    loading ??= Promise.resolve().then(() => (typeof options.tf === 'function' ? options.tf() : options.tf));
    try {
      const tf = await loading;
      await initTfjsBackend(tf, tfjsBackend);
      return tf;
    } catch (error) {
      // Not kept: the next call tries again (a package installed since, a backend registered later).
      loading = undefined;
      throw new VdsrError('E_BACKEND', `${name} could not be loaded: ${errorMessage(error)}`, {
        cause: error,
      });
    }
  };

  return {
    name,

    async isAvailable(): Promise<Availability> {
      let tf: Tf;
      try {
        tf = await load();
      } catch (error) {
        return { available: false, reason: errorMessage(error) };
      }
      const lost = options.lost?.(tf);
      if (lost !== undefined) return { available: false, reason: lost };
      const priority = options.priority?.(tf);
      return priority === undefined ? { available: true } : { available: true, priority };
    },

    async createSession(weights: VdsrWeights, sessionOptions: SessionOptions = {}): Promise<TfjsSession> {
      assertSessionOptions(sessionOptions);
      assertWeights(weights);
      const tf = await load();
      let graph: TfjsVdsrGraph;
      try {
        // Tensors go to the active backend, whoever set it last.
        useTfjsBackend(tf, tfjsBackend);
        graph = TfjsVdsrGraph.upload(tf, weights);
      } catch (error) {
        if (error instanceof VdsrError) throw error;
        throw new VdsrError('E_BACKEND', `${name} could not upload the weights: ${errorMessage(error)}`, {
          cause: error,
        });
      }
      const limits = options.limits?.(tf, weights);
      const { lost } = options;
      return new TfjsSession({
        backend: name,
        tf,
        tfjsBackend,
        graph,
        precision: options.precision?.(tf) ?? (tf.backend().floatPrecision() === 16 ? 'f16' : 'f32'),
        ...(limits && { limits }),
        ...(options.memoryBudget !== undefined && { memoryBudget: options.memoryBudget }),
        ...(lost && { lost: () => lost(tf) }),
      });
    },
  };
}
