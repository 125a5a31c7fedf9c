import { registerBackend } from '@vdsr/core/backend';
import { tfjsWebglBackend } from './webgl-backend.js';

// Above onnxruntime-web (10) for a hardware GPU; a software rasteriser reports SOFTWARE_PRIORITY (5)
// from isAvailable instead. Importing the package is how users opt in.
registerBackend(tfjsWebglBackend.name, () => tfjsWebglBackend, 12, { source: '@vdsr/backend-tfjs-webgl' });

export { createTfjsBackend, type Tf, type TfjsBackendOptions } from '@vdsr/backend-tfjs';
export { webglTileLimits } from './limits.js';
export { SOFTWARE_PRIORITY, tfjsWebglBackend, WEBGL_MEMORY_BUDGET, webglPrecision } from './webgl-backend.js';
