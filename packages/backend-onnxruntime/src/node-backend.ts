import { availableParallelism } from 'node:os';
import type { Backend } from '@vdsr/core/backend';
import { createOrtBackend } from './ort-backend.js';

/**
 * Tiles of up to 2 megapixels: peak memory measured at 530-590 bytes per tile pixel (RSS at 512^2
 * and 1064^2), and a 1024 x 1024 output then runs as one tile, where 256 MiB cut it into four whose
 * halos added 8% to the network's work.
 */
const NODE_MEMORY_BUDGET = 2 ** 30;

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
