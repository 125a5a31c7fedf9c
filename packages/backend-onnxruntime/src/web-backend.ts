import type { Backend } from '@vdsr/core/backend';
import { createOrtBackend } from './ort-backend.js';

/** WebGPU where the host has it (wasm runs whatever WebGPU cannot), wasm alone elsewhere. */
export function webExecutionProviders(): ('webgpu' | 'wasm')[] {
  const gpu = (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu;
  return gpu ? ['webgpu', 'wasm'] : ['wasm'];
}

/** VDSR on onnxruntime-web: WebGPU when `navigator.gpu` exists, wasm otherwise (Node included). */
export const onnxruntimeWebBackend: Backend = createOrtBackend({
  name: 'onnxruntime-web',
  runtime: 'onnxruntime-web',
  load: () => import('onnxruntime-web'),
  sessionOptions: (ort, { threads }) => {
    // The wasm thread pool is made when the first session starts; later values cannot change it.
    if (threads !== undefined) ort.env.wasm.numThreads = threads;
    return { executionProviders: webExecutionProviders(), graphOptimizationLevel: 'all' };
  },
});
