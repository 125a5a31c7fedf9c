import { availableParallelism } from 'node:os';
import type { Backend } from '@vdsr/core';
import { createOrtBackend } from './ort-backend.js';

/** VDSR on onnxruntime-node's CPU execution provider, all graph optimisations on. */
export const onnxruntimeBackend: Backend = createOrtBackend({
  name: 'onnxruntime',
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
