import type * as WorkerThreads from 'node:worker_threads';
import type * as OrtNode from 'onnxruntime-node';

/** What the worker is started with: the resolved runtime, the model and the session's options. */
export interface OrtWorkerData {
  /** require()-able path of onnxruntime-node, resolved from this package. */
  readonly runtime: string;
  readonly model: Uint8Array;
  readonly options: OrtNode.InferenceSession.SessionOptions;
  readonly input: string;
  readonly output: string;
  /**
   * Shared with the main thread: 1 while a run is in native code or on its way there. Main waits at
   * process exit until it is 0, so the thread is never torn down under a native run.
   */
  readonly busy: Int32Array;
}

/** From the main thread: run one tile (its own copy, transferred), or release and end. */
export type OrtWorkerRequest =
  | { readonly type: 'run'; readonly y: Float32Array; readonly width: number; readonly height: number }
  | { readonly type: 'release' };

/** From the worker: the session started, a run's output (transferred), or what failed. */
export type OrtWorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly output: unknown }
  | { readonly type: 'failed'; readonly error: unknown };

/**
 * The worker thread's program. It is sent to the worker as source text (`String(ortWorkerMain)`, run
 * with `eval: true`), so it uses nothing but its arguments: there is no worker file to locate in the
 * ESM build, the CommonJS build, the TypeScript sources under test or an application's bundle.
 */
export function ortWorkerMain(threads: typeof WorkerThreads, load: (path: string) => unknown): void {
  const port = threads.parentPort!;
  const data = threads.workerData as OrtWorkerData;
  const ort = load(data.runtime) as typeof OrtNode;
  const reply = (message: OrtWorkerReply, transfer: ArrayBuffer[] = []) => {
    try {
      port.postMessage(message, transfer);
    } catch (error) {
      // An error that does not clone (a thrown non-Error with functions in it) still says what it was.
      port.postMessage({
        type: 'failed',
        error: new Error(String(message.type === 'failed' ? message.error : error)),
      });
    }
  };
  const failed = (error: unknown) => reply({ type: 'failed', error });
  ort.InferenceSession.create(data.model, data.options).then(
    (session) => {
      port.on('message', (request: OrtWorkerRequest) => {
        if (request.type === 'release') {
          // Once the port closes, nothing is left for the thread to do and it ends.
          session.release().finally(() => port.close());
          return;
        }
        const { y, width, height } = request;
        Atomics.store(data.busy, 0, 1);
        const idle = () => {
          Atomics.store(data.busy, 0, 0);
          Atomics.notify(data.busy, 0);
        };
        // A tensor the runtime refuses fails this run, not the thread.
        Promise.resolve()
          .then(() => session.run({ [data.input]: new ort.Tensor('float32', y, [1, 1, height, width]) }))
          .finally(idle)
          .then((outputs) => {
            const output = outputs[data.output]?.data;
            if (!(output instanceof Float32Array)) return reply({ type: 'done', output });
            // Handed over without a copy when the array owns its whole buffer.
            const own =
              output.byteOffset === 0 && output.byteLength === output.buffer.byteLength
                ? output
                : output.slice();
            reply({ type: 'done', output: own }, [own.buffer as ArrayBuffer]);
          }, failed);
      });
      reply({ type: 'ready' });
    },
    (error) => {
      failed(error);
      port.close();
    },
  );
}
