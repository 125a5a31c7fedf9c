import { registerBackend } from '@vdsr/core/backend';
import { onnxruntimeBackend } from './node-backend.js';

// Importing the package is how users opt in, so registration is this entry's side effect.
registerBackend(onnxruntimeBackend.name, () => onnxruntimeBackend, 20, {
  source: '@vdsr/backend-onnxruntime',
});

export { onnxruntimeBackend } from './node-backend.js';
export type { OnnxGraph, OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx/model.js';
export { encodeOnnxModel, ONNX_IR_VERSION, ONNX_OPSET } from './onnx/model.js';
export { buildVdsrOnnxModel, VDSR_INPUT, VDSR_OUTPUT } from './onnx/vdsr-graph.js';
