import { availableParallelism } from 'node:os';
import { type Backend, registerBackend } from '@vdsr/core';
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
    // One graph branch at a time: VDSR is a chain, so inter-op threads would only sit idle.
    interOpNumThreads: 1,
  }),
});

registerBackend(onnxruntimeBackend.name, () => onnxruntimeBackend, 20);

export { encodeOnnxModel, ONNX_IR_VERSION, ONNX_OPSET } from './onnx/model.js';
export type { OnnxGraph, OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx/model.js';
export { buildVdsrOnnxModel, VDSR_INPUT, VDSR_OUTPUT } from './onnx/vdsr-graph.js';
