import { type Backend, registerBackend } from '@vdsr/core';
import { createOrtBackend } from './ort-backend.js';

function hasWebGpu(): boolean {
  return Boolean((globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu);
}

/**
 * VDSR on onnxruntime-web: the WebGPU execution provider where `navigator.gpu` exists (wasm takes
 * any node WebGPU cannot run), wasm elsewhere, Node included.
 */
export const onnxruntimeWebBackend: Backend = createOrtBackend({
  name: 'onnxruntime-web',
  load: () => import('onnxruntime-web'),
  sessionOptions: (ort, { threads }) => {
    // The wasm thread pool is made when the first session starts; later values cannot change it.
    if (threads !== undefined) ort.env.wasm.numThreads = threads;
    return { executionProviders: hasWebGpu() ? ['webgpu', 'wasm'] : ['wasm'], graphOptimizationLevel: 'all' };
  },
});

registerBackend(onnxruntimeWebBackend.name, () => onnxruntimeWebBackend, 10);

export { encodeOnnxModel, ONNX_IR_VERSION, ONNX_OPSET } from './onnx/model.js';
export type { OnnxGraph, OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx/model.js';
export { buildVdsrOnnxModel, VDSR_INPUT, VDSR_OUTPUT } from './onnx/vdsr-graph.js';
