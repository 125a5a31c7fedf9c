import { registerBackend } from '@vdsr/core/backend';
import { tfjsNodeBackend } from './node-backend.js';

// Below onnxruntime (20), which measured faster on the same CPU, above onnxruntime-web's wasm (10):
// libtensorflow is native code. Importing the package is how users opt in.
registerBackend(tfjsNodeBackend.name, () => tfjsNodeBackend, 15, { source: '@vdsr/backend-tfjs-node' });

export { createTfjsBackend, type Tf, type TfjsBackendOptions } from '@vdsr/backend-tfjs';
export { loadTfjsNode, tfjsNodeBackend } from './node-backend.js';
