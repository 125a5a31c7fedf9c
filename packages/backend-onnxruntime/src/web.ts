import { registerBackend } from '@vdsr/core/backend';
import { onnxruntimeWebBackend, onnxruntimeWebGpuBackend } from './web-backend.js';

const source = '@vdsr/backend-onnxruntime';
// wasm sits below onnxruntime-node (20), where both are registered: native code is faster in Node.
registerBackend(onnxruntimeWebBackend.name, () => onnxruntimeWebBackend, 10, { source });
// A hardware GPU beats wasm; a software adapter reports SOFTWARE_WEBGPU_PRIORITY instead.
registerBackend(onnxruntimeWebGpuBackend.name, () => onnxruntimeWebGpuBackend, 15, { source });

export type { OnnxGraph, OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx/model.js';
export { encodeOnnxModel, ONNX_IR_VERSION, ONNX_OPSET } from './onnx/model.js';
export { buildVdsrOnnxModel, VDSR_INPUT, VDSR_OUTPUT } from './onnx/vdsr-graph.js';
export { onnxruntimeWebBackend, onnxruntimeWebGpuBackend, SOFTWARE_WEBGPU_PRIORITY } from './web-backend.js';
export {
  DEFAULT_START_TIMEOUT,
  type WasmPaths,
  type WebExecutionProvider,
} from './web-options.js';
