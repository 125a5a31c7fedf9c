import { availableParallelism } from 'node:os';
import type { Backend } from '@vdsr/core/backend';
import { createOrtBackend } from './ort-backend.js';

/**
 * Tiles of about 200k pixels (443 x 443 with the halo), so that one tile takes about a second on two
 * cores: onnxruntime-node runs a tile on the main thread, where nothing, not even Ctrl-C or an abort,
 * is seen until it returns (a worker thread does not help: process exit waits for its native run and
 * then aborts). On the shared 2-core dev machine a 1024 x 1024 output took 14% more CPU time than as
 * one 2-megapixel tile (the former 1 GiB budget), and peak tile memory fell from about 1.1 GB to 0.1 GB.
 */
const NODE_MEMORY_BUDGET = 96 * 2 ** 20;

/** VDSR on onnxruntime-node's CPU execution provider, all graph optimisations on. */
export const onnxruntimeBackend: Backend = createOrtBackend({
  name: 'onnxruntime',
  memoryBudget: NODE_MEMORY_BUDGET,
  runtime: 'onnxruntime-node',
  load: () => import('onnxruntime-node'),
  sessionOptions: (_ort, { threads }) => ({
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    intraOpNumThreads: threads ?? availableParallelism(),
    // VDSR is a chain of nodes: threads between nodes would only sit idle.
    interOpNumThreads: 1,
    // Idle pool threads sleep rather than spin. Each Conv runs for milliseconds, so waking costs
    // little, while spinning threads took 20-40% off the rate on a 2-core machine shared with other work.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  }),
});
