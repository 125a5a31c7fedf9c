import {
  assertSignal,
  assertTileOutput,
  type BackendSession,
  nextMacrotask,
  RunQueue,
  raceSignal,
  throwIfAborted,
  tileRunError,
  VdsrError,
} from '@vdsr/core/backend';
import type { OrtEngine } from './ort-engine.js';

/**
 * One onnxruntime session of the VDSR graph, reused for every tile size (the graph's height and width
 * are symbolic). Runs are queued one after another: the runtime already spreads one run over all its
 * threads, and onnxruntime-web does not accept concurrent runs of one session.
 */
export class OrtSession implements BackendSession {
  readonly precision = 'f32';
  private readonly runs = new RunQueue();
  private readonly disposing = new AbortController();

  constructor(
    readonly backend: string,
    private readonly engine: OrtEngine,
    readonly memoryBudget?: number,
  ) {}

  /**
   * Rejects as soon as `signal` fires (E_ABORTED) or the session is disposed (E_BACKEND), even while
   * the engine is still inside this run's native code: that run cannot be interrupted, so it goes on
   * to its end, its result is dropped, and the next queued run starts after it.
   */
  run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array> {
    const turn = this.runs.run(this.backend, y, width, height, signal, () =>
      this.runNow(y, width, height, signal),
    );
    try {
      assertSignal(signal);
    } catch {
      return turn; // rejected with that E_ARG already
    }
    return raceSignal(raceSignal(turn, signal), this.disposing.signal, () => this.disposedError());
  }

  /**
   * Rejects the runs queued or in progress with E_BACKEND at once, then releases the runtime's session
   * once the run in progress (if any) has ended.
   */
  dispose(): Promise<void> {
    this.disposing.abort();
    return this.runs.close(() => this.engine.release());
  }

  private async runNow(
    y: Float32Array,
    width: number,
    height: number,
    signal?: AbortSignal,
  ): Promise<Float32Array> {
    // A run on this thread (onnxruntime-web) holds it until it ends: let a pending abort land first.
    await nextMacrotask();
    this.runs.assertOpen(this.backend);
    throwIfAborted(signal);
    let output: unknown;
    try {
      output = await this.engine.run(y, width, height);
    } catch (error) {
      throw tileRunError(error, this.backend, width, height);
    }
    return assertTileOutput(output, y.length, this.backend);
  }

  private disposedError(): VdsrError {
    return new VdsrError(
      'E_BACKEND',
      `This ${this.backend} session was disposed; create a new session to run`,
    );
  }
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
