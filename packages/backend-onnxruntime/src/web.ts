import { registerBackend } from '@vdsr/core/backend';
import { onnxruntimeWebBackend } from './web-backend.js';

// Below onnxruntime-node (20) where both are registered: native code is faster than wasm in Node.
registerBackend(onnxruntimeWebBackend.name, () => onnxruntimeWebBackend, 10, {
  source: '@vdsr/backend-onnxruntime',
});

export type { OnnxGraph, OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx/model.js';
export { encodeOnnxModel, ONNX_IR_VERSION, ONNX_OPSET } from './onnx/model.js';
export { buildVdsrOnnxModel, VDSR_INPUT, VDSR_OUTPUT } from './onnx/vdsr-graph.js';
export { onnxruntimeWebBackend } from './web-backend.js';
