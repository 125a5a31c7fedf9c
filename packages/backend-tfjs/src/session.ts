import {
  assertTileOutput,
  type BackendSession,
  type Precision,
  RunQueue,
  type SessionLimits,
  throwIfAborted,
  tileRunError,
  VdsrError,
} from '@vdsr/core/backend';
import { initTfjsBackend, useTfjsBackend } from './activate.js';
import type { TfjsVdsrGraph } from './graph.js';
import type { Tf } from './tf.js';

export interface TfjsSessionSpec {
  /** The vdsr backend's name. */
  readonly backend: string;
  readonly tf: Tf;
  /** The tfjs backend the weights live on ('cpu', 'wasm', 'webgl', ...). */
  readonly tfjsBackend: string;
  readonly graph: TfjsVdsrGraph;
  readonly precision: Precision;
  readonly limits?: SessionLimits;
  readonly memoryBudget?: number;
  /** Why the engine can no longer run (a lost WebGL context), or undefined while it can. */
  readonly lost?: () => string | undefined;
}

/**
 * One uploaded VDSR graph on one tfjs backend. Runs take turns: each one already keeps the backend
 * busy, and one at a time bounds the device memory to a single tile's activations.
 */
export class TfjsSession implements BackendSession {
  readonly backend: string;
  readonly precision: Precision;
  readonly limits?: SessionLimits;
  readonly memoryBudget?: number;
  private readonly runs = new RunQueue();
  private freed = false;

  constructor(private readonly spec: TfjsSessionSpec) {
    this.backend = spec.backend;
    this.precision = spec.precision;
    if (spec.limits) this.limits = spec.limits;
    if (spec.memoryBudget !== undefined) this.memoryBudget = spec.memoryBudget;
  }

  run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array> {
    return this.runs.run(this.backend, y, width, height, signal, () => this.runNow(y, width, height, signal));
  }

  /**
   * Rejects the runs still queued with E_BACKEND (the contract every backend follows), lets the one
   * in progress end, then frees the uploaded weights.
   */
  dispose(): Promise<void> {
    return this.runs.close(() => this.free());
  }

  private async runNow(
    y: Float32Array,
    width: number,
    height: number,
    signal?: AbortSignal,
  ): Promise<Float32Array> {
    const { tf, graph } = this.spec;
    let output: unknown;
    try {
      this.assertEngine();
      await initTfjsBackend(tf, this.spec.tfjsBackend);
      // From the switch to data() nothing awaits, so no other code can switch tfjs's backend in between.
      useTfjsBackend(tf, this.spec.tfjsBackend);
      const input = tf.tensor4d(y, [1, height, width, 1]);
      let result: ReturnType<TfjsVdsrGraph['apply']>;
      try {
        result = graph.apply(input);
      } finally {
        input.dispose();
      }
      try {
        output = await result.data();
      } finally {
        result.dispose();
      }
      this.assertEngine();
    } catch (error) {
      throw tileRunError(error, this.backend, width, height);
    }
    const checked = assertTileOutput(output, y.length, this.backend);
    throwIfAborted(signal);
    return checked;
  }

  /** Throws E_BACKEND, freeing the session, once the engine reports it can no longer run. */
  private assertEngine(): void {
    const lost = this.spec.lost?.();
    if (lost === undefined) return;
    this.free();
    void this.runs.close();
    throw new VdsrError('E_BACKEND', `${this.backend} cannot run any more: ${lost}; create a new session`);
  }

  private free(): void {
    if (this.freed) return;
    this.freed = true;
    this.spec.graph.dispose();
  }
}
