import {
  assertPlane,
  assertSignal,
  type BackendSession,
  describeValue,
  nextMacrotask,
  RunQueue,
  throwIfAborted,
  VdsrError,
} from '@vdsr/core/backend';
import type { InferenceSession } from 'onnxruntime-web';
import { VDSR_INPUT, VDSR_OUTPUT } from './onnx/vdsr-graph.js';
import type { Ort } from './ort.js';

/**
 * One onnxruntime InferenceSession of the VDSR graph, reused for every tile size (the graph's height
 * and width are symbolic). Runs are queued one after another: the runtime already spreads one run
 * over all its threads, and onnxruntime-web does not accept concurrent runs of one session.
 */
export class OrtSession implements BackendSession {
  readonly precision = 'f32';
  private readonly runs = new RunQueue();

  constructor(
    readonly backend: string,
    private readonly ort: Ort,
    private readonly session: InferenceSession,
    readonly memoryBudget?: number,
  ) {}

  async run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array> {
    assertPlane(y, width, height);
    assertSignal(signal);
    this.assertOpen();
    throwIfAborted(signal);
    return this.runs.push(() => this.runNow(y, width, height, signal));
  }

  /**
   * Rejects the runs still queued with E_BACKEND, discards the result of the one in progress (a
   * native run cannot be interrupted), then releases the native session.
   */
  dispose(): Promise<void> {
    return this.runs.close(() => this.session.release());
  }

  private async runNow(
    y: Float32Array,
    width: number,
    height: number,
    signal?: AbortSignal,
  ): Promise<Float32Array> {
    // A native run holds the thread until it ends: let a pending Ctrl-C or abort land first, then
    // check again (the signal may also have fired, or dispose() come, while the run was queued).
    await nextMacrotask();
    this.assertOpen();
    throwIfAborted(signal);
    const input = new this.ort.Tensor('float32', y, [1, 1, height, width]);
    let output: unknown;
    try {
      const outputs = await this.session.run({ [VDSR_INPUT]: input });
      output = outputs[VDSR_OUTPUT]?.data;
    } catch (error) {
      throw new VdsrError(
        'E_BACKEND',
        `${this.backend} failed to run a ${width} x ${height} tile: ${message(error)}`,
        {
          cause: error,
        },
      );
    }
    if (!(output instanceof Float32Array) || output.length !== y.length) {
      throw new VdsrError(
        'E_BACKEND',
        `Expected a Float32Array of length ${y.length} from ${this.backend} but received ${describeValue(output)}`,
      );
    }
    this.assertOpen();
    throwIfAborted(signal);
    return output;
  }

  private assertOpen(): void {
    if (this.runs.closed) {
      throw new VdsrError(
        'E_BACKEND',
        `This ${this.backend} session was disposed; create a new session to run`,
      );
    }
  }
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
