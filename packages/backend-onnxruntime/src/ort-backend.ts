import {
  type Availability,
  assertSessionOptions,
  type Backend,
  type SessionOptions,
  VdsrError,
  type VdsrWeights,
} from '@vdsr/core/backend';
import type { InferenceSession } from 'onnxruntime-web';
import { isMissingPackage } from './missing-runtime.js';
import { buildVdsrOnnxModel } from './onnx/vdsr-graph.js';
import type { Ort } from './ort.js';
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
  /** The runtime's options for a new session. */
  sessionOptions(ort: Ort, options: SessionOptions): InferenceSession.SessionOptions;
  /** The sessions' preferred tile memory (BackendSession.memoryBudget); the core's default if unset. */
  readonly memoryBudget?: number;
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
        return { available: true };
      } catch (error) {
        return { available: false, reason: message(error) };
      }
    },

    async createSession(weights: VdsrWeights, options: SessionOptions = {}): Promise<OrtSession> {
      assertSessionOptions(options);
      const model = buildVdsrOnnxModel(weights);
      const ort = await load();
      try {
        const session = await ort.InferenceSession.create(model, spec.sessionOptions(ort, options));
        return new OrtSession(spec.name, ort, session, spec.memoryBudget);
      } catch (error) {
        throw new VdsrError('E_BACKEND', `${spec.name} could not create a session: ${message(error)}`, {
          cause: error,
        });
      }
    },
  };
}
