import {
  type Availability,
  assertSessionOptions,
  type Backend,
  type SessionOptions,
  VdsrError,
  type VdsrWeights,
} from '@vdsr/core/backend';
import { isMissingPackage } from './missing-runtime.js';
import { buildVdsrOnnxModel } from './onnx/vdsr-graph.js';
import type { Ort } from './ort.js';
import type { OrtEngine } from './ort-engine.js';
import { message, OrtSession } from './ort-session.js';

export interface OrtBackendSpec {
  readonly name: string;
  /** The runtime's npm package: an optional peer dependency, installed by the application. */
  readonly runtime: 'onnxruntime-node' | 'onnxruntime-web';
  /**
   * Loads the runtime on first use, so that importing this package loads no native code or wasm, and
   * an entry needs only its own runtime installed.
   */
  load(): Promise<Ort>;
  /** Starts the runtime's session of `model` (the ONNX bytes, handed over) with the caller's options. */
  open(ort: Ort, model: Uint8Array, options: SessionOptions): Promise<OrtEngine>;
  /** The sessions' preferred tile memory (BackendSession.memoryBudget); the core's default if unset. */
  readonly memoryBudget?: number;
  /** Whether it can run here once the runtime loaded (default: available at the registered priority). */
  availability?(): Promise<Availability>;
  /** Validates the options this flavour adds to the core's. */
  assertOptions?(options: SessionOptions): void;
  /** Milliseconds a new session may take to start before E_BACKEND (default: no limit). */
  startTimeout?(options: SessionOptions): number;
  /** What to try when a session does not start in time, appended to that E_BACKEND message. */
  readonly stalledHint?: string;
}

/** Rejects with E_BACKEND after `ms` unless `promise` settles first. */
async function within<T>(promise: Promise<T>, ms: number, explain: () => string): Promise<T> {
  if (!Number.isFinite(ms)) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new VdsrError('E_BACKEND', explain(), { details: { option: 'startTimeout', max: ms } })),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A Backend on one onnxruntime flavour; only how it loads and its session options differ. */
export function createOrtBackend(spec: OrtBackendSpec): Backend {
  let loading: Promise<Ort> | undefined;
  const load = async (): Promise<Ort> => {
    loading ??= spec.load();
    try {
      return await loading;
    } catch (error) {
      const why = isMissingPackage(error, spec.runtime)
        ? `${spec.runtime} is not installed; install it beside @vdsr/backend-onnxruntime: npm install ${spec.runtime}`
        : `${spec.runtime} could not be loaded: ${message(error)}`;
      throw new VdsrError('E_BACKEND', `${spec.name}: ${why}`, { cause: error });
    }
  };
  return {
    name: spec.name,

    async isAvailable(): Promise<Availability> {
      try {
        await load();
        return spec.availability ? await spec.availability() : { available: true };
      } catch (error) {
        return { available: false, reason: message(error) };
      }
    },

    async createSession(weights: VdsrWeights, options: SessionOptions = {}): Promise<OrtSession> {
      assertSessionOptions(options);
      spec.assertOptions?.(options);
      const model = buildVdsrOnnxModel(weights);
      const starting = (async () => {
        const ort = await load();
        try {
          return new OrtSession(spec.name, await spec.open(ort, model, options), spec.memoryBudget);
        } catch (error) {
          throw new VdsrError('E_BACKEND', `${spec.name} could not create a session: ${message(error)}`, {
            cause: error,
          });
        }
      })();
      const ms = spec.startTimeout?.(options) ?? Number.POSITIVE_INFINITY;
      try {
        return await within(starting, ms, () =>
          [`${spec.name} did not start a session within ${ms} ms`, spec.stalledHint]
            .filter(Boolean)
            .join('. '),
        );
      } catch (error) {
        // A session that starts after the caller gave up is released, not leaked.
        starting.then((session) => session.dispose()).catch(() => undefined);
        throw error;
      }
    },
  };
}
