import type { InferenceSession } from 'onnxruntime-web';
import { VDSR_INPUT, VDSR_OUTPUT } from './onnx/vdsr-graph.js';
import type { Ort } from './ort.js';

/**
 * Where an OrtSession's tiles run: one onnxruntime InferenceSession of the VDSR graph, on this thread
 * or on a worker thread. It is given one run at a time.
 */
export interface OrtEngine {
  /** The network's output for the tile, as the runtime gave it (the session checks it). */
  run(y: Float32Array, width: number, height: number): Promise<unknown>;
  /** Frees the runtime's session; called once, when no run is in progress. */
  release(): Promise<void>;
}

/** An InferenceSession on the calling thread (onnxruntime-web, whose wasm runs where it was loaded). */
export function inThreadEngine(ort: Ort, session: InferenceSession): OrtEngine {
  return {
    async run(y, width, height) {
      const input = new ort.Tensor('float32', y, [1, 1, height, width]);
      const outputs = await session.run({ [VDSR_INPUT]: input });
      return outputs[VDSR_OUTPUT]?.data;
    },
    release: () => session.release(),
  };
}
