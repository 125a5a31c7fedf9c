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

/**
 * Valid as a script and as a module: a worker inherits the process's flags, and under
 * `--input-type=module` its eval source is a module, where `require` does not exist.
 */
const WORKER_SOURCE = `Promise.all([import('node:worker_threads'), import('node:module')]).then(([threads, { createRequire }]) => (${String(ortWorkerMain)})(threads, (path) => createRequire(path)(path)));`;

/** What the worker starts with; the engine adds the busy flag. */
type EngineData = Omit<OrtWorkerData, 'busy'>;

/** The busy flags of the live engines' workers (see OrtWorkerData.busy). */
const busyFlags = new Set<Int32Array>();

/**
 * Node tears worker threads down after the process's 'exit' listeners; a native run returning into a
 * torn-down thread makes onnxruntime-node abort the process (SIGABRT, after process.exit() or an
 * uncaught exception). So at exit the main thread first waits for the runs in native code to return:
 * the process then ends as asked, with its exit code, one tile later.
 */
function waitForNativeRuns(): void {
  for (const busy of busyFlags) {
    while (Atomics.load(busy, 0) === 1) Atomics.wait(busy, 0, 1);
  }
}

function trackBusy(busy: Int32Array): void {
  if (busyFlags.size === 0) process.on('exit', waitForNativeRuns);
  busyFlags.add(busy);
}

function untrackBusy(busy: Int32Array): void {
  busyFlags.delete(busy);
  if (busyFlags.size === 0) process.off('exit', waitForNativeRuns);
}

/**
 * An onnxruntime-node InferenceSession on a worker thread of its own, so that the main thread's event
 * loop (timers, I/O, signals, aborts) keeps running while a tile runs in native code.
 *
 * The worker is referenced (keeps the process alive) only while the main thread waits for it, so an
 * idle session does not hold the process open. It is never terminated in the middle of a native
 * run: onnxruntime-node aborts the whole process when a run returns to a thread that is being torn
 * down. For the same reason process exit (process.exit(), an uncaught exception) waits for a native
 * run to return (waitForNativeRuns); a process that must stop at once ends by a signal instead (the
 * vdsr CLI re-raises Ctrl-C).
 */
export class WorkerEngine implements OrtEngine {
  readonly #worker: Worker;
  readonly #busy: Int32Array;
  #waiting: { resolve(reply: OrtWorkerReply): void; reject(error: unknown): void } | undefined;
  #failure: VdsrError | undefined;
  #releasing = false;
  readonly #exited: Promise<void>;

  private constructor(
    data: EngineData,
    readonly backend: string,
  ) {
    this.#busy = new Int32Array(new SharedArrayBuffer(4));
    trackBusy(this.#busy);
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...data, busy: this.#busy } satisfies OrtWorkerData,
      transferList: [data.model.buffer as ArrayBuffer],
    });
    this.#worker.on('message', (reply: OrtWorkerReply) => this.#answer(reply));
    this.#worker.on('error', (error) => this.#fail(`failed: ${message(error)}`, error));
    this.#worker.on('messageerror', (error) =>
      this.#fail(`sent a message that did not arrive: ${message(error)}`, error),
    );
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', (code) => {
        untrackBusy(this.#busy);
        if (!this.#releasing) this.#fail(`ended unexpectedly (exit code ${code})`);
        resolve();
      });
    });
  }

  /**
   * Starts the worker and its session. `model` is handed over (transferred): the caller must not use
   * it afterwards.
   */
  static async start(backend: string, data: EngineData): Promise<WorkerEngine> {
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
