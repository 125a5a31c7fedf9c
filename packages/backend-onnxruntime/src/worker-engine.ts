import { Worker } from 'node:worker_threads';
import { VdsrError } from '@vdsr/core/backend';
import type { OrtEngine } from './ort-engine.js';
import { message } from './ort-session.js';
import {
  type OrtWorkerData,
  type OrtWorkerReply,
  type OrtWorkerRequest,
  ortWorkerMain,
} from './ort-worker-main.js';

const WORKER_SOURCE = `(${String(ortWorkerMain)})(require('node:worker_threads'), require);`;

/**
 * An onnxruntime-node InferenceSession on a worker thread of its own, so that the main thread's event
 * loop (timers, I/O, signals, aborts) keeps running while a tile runs in native code.
 *
 * The worker is referenced (keeps the process alive) only while the main thread waits for it, so an
 * idle session does not hold the process open. It is never terminated in the middle of a native
 * run: onnxruntime-node aborts the whole process when a run returns to a thread that is being torn
 * down. For the same reason process.exit() during a run ends in an abort once the run returns; end a
 * process that must stop at once with a signal instead (the vdsr CLI re-raises Ctrl-C).
 */
export class WorkerEngine implements OrtEngine {
  readonly #worker: Worker;
  #waiting: { resolve(reply: OrtWorkerReply): void; reject(error: unknown): void } | undefined;
  #failure: VdsrError | undefined;
  #releasing = false;
  readonly #exited: Promise<void>;

  private constructor(
    data: OrtWorkerData,
    readonly backend: string,
  ) {
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: data,
      transferList: [data.model.buffer as ArrayBuffer],
    });
    this.#worker.on('message', (reply: OrtWorkerReply) => this.#answer(reply));
    this.#worker.on('error', (error) => this.#fail(`failed: ${message(error)}`, error));
    this.#worker.on('messageerror', (error) =>
      this.#fail(`sent a message that did not arrive: ${message(error)}`, error),
    );
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', (code) => {
        if (!this.#releasing) this.#fail(`ended unexpectedly (exit code ${code})`);
        resolve();
      });
    });
  }

  /**
   * Starts the worker and its session. `model` is handed over (transferred): the caller must not use
   * it afterwards.
   */
  static async start(backend: string, data: OrtWorkerData): Promise<WorkerEngine> {
    const engine = new WorkerEngine(data, backend);
    try {
      await engine.#reply();
    } catch (error) {
      await engine.release();
      throw error;
    }
    return engine;
  }

  async run(y: Float32Array, width: number, height: number): Promise<unknown> {
    // The worker gets a copy of its own: the caller's array stays usable, whatever buffer it views.
    const copy = y.slice();
    this.#post({ type: 'run', y: copy, width, height }, [copy.buffer]);
    const reply = await this.#reply();
    return reply.type === 'done' ? reply.output : undefined;
  }

  async release(): Promise<void> {
    if (!this.#releasing) {
      this.#releasing = true;
      // A worker that failed is idle in JavaScript or gone, so ending it cannot cut a native run short.
      if (this.#failure) void this.#worker.terminate();
      else this.#worker.postMessage({ type: 'release' } satisfies OrtWorkerRequest);
      this.#worker.ref();
    }
    await this.#exited;
  }

  #post(request: OrtWorkerRequest, transfer: ArrayBuffer[] = []): void {
    if (this.#failure) throw this.#failure;
    this.#worker.postMessage(request, transfer);
  }

  /** The worker's next reply; the process stays alive until it comes. */
  #reply(): Promise<OrtWorkerReply> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#waiting) throw new VdsrError('E_INTERNAL', `${this.backend}: a second request before a reply`);
    this.#worker.ref();
    return new Promise<OrtWorkerReply>((resolve, reject) => {
      this.#waiting = { resolve, reject };
    }).then((reply) => {
      if (reply.type === 'failed') throw reply.error;
      return reply;
    });
  }

  #answer(reply: OrtWorkerReply): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    this.#worker.unref();
    waiting?.resolve(reply);
  }

  #fail(what: string, cause?: unknown): void {
    this.#failure ??= new VdsrError(
      'E_BACKEND',
      `${this.backend}: the onnxruntime-node worker thread ${what}`,
      {
        cause,
      },
    );
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.reject(this.#failure);
  }
}
