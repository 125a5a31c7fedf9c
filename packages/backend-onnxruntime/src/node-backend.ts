import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Backend, SessionOptions } from '@vdsr/core/backend';
import type { InferenceSession } from 'onnxruntime-node';
import { VDSR_INPUT, VDSR_OUTPUT } from './onnx/vdsr-graph.js';
import { createOrtBackend } from './ort-backend.js';
import { WorkerEngine } from './worker-engine.js';

/**
 * Tiles of up to about 390k pixels (627 x 627 with the halo). A tile no longer holds up Ctrl-C or an
 * abort (it runs on the session's worker thread), so its size only trades memory against the halo
 * recomputed around each tile: a full tile has 15% more pixels than its output here, 21% at 96 MiB,
 * 11% at 384 MiB. On the 2-core dev machine (quiet) a 1024 x 1024 output took 6% less time than with
 * 96 MiB tiles (4 tiles rather than 9), while `vdsr upscale` of a 48-megapixel output peaked at 522 MiB
 * with 96 MiB tiles, 739 MiB with these and 1167 MiB with 384 MiB ones (whose full tiles were 4% cheaper
 * per output pixel).
 * `pnpm bench` prints both (bench/worker.mjs here, apps/cli/bench/memory.mjs).
 */
const NODE_MEMORY_BUDGET = 192 * 2 ** 20;

function sessionOptions({ threads }: SessionOptions): InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    intraOpNumThreads: threads ?? availableParallelism(),
    // VDSR is a chain of nodes: threads between nodes would only sit idle.
    interOpNumThreads: 1,
    // Idle pool threads sleep rather than spin. Each Conv runs for milliseconds, so waking costs
    // little, while spinning threads took 20-40% off the rate on a 2-core machine shared with other work.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

/** A worker thread with onnxruntime-node's session of `model` (the ONNX bytes, handed over). */
export function startOrtNodeWorker(model: Uint8Array, options: SessionOptions): Promise<WorkerEngine> {
  return WorkerEngine.start('onnxruntime', {
    // The worker loads the copy of onnxruntime-node this package resolves to, wherever it runs from.
    runtime: createRequire(import.meta.url).resolve('onnxruntime-node'),
    model,
    options: sessionOptions(options),
    input: VDSR_INPUT,
    output: VDSR_OUTPUT,
  });
}

/**
 * VDSR on onnxruntime-node's CPU execution provider, all graph optimisations on, in a worker thread
 * per session: onnxruntime-node runs a session on the thread that calls it, synchronously.
 */
export const onnxruntimeBackend: Backend = createOrtBackend({
  name: 'onnxruntime',
  memoryBudget: NODE_MEMORY_BUDGET,
  runtime: 'onnxruntime-node',
  // Loaded here as well, so that a missing or broken install shows in isAvailable().
  load: () => import('onnxruntime-node'),
  open: (_ort, model, options) => startOrtNodeWorker(model, options),
});
