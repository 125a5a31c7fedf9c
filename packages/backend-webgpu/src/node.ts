/// <reference types="@webgpu/types" />
import { registerBackend } from '@vdsr/core/backend';
import { createWebgpuBackend } from './backend.js';
import { nodeGpu } from './node-gpu.js';

/** VDSR on WebGPU in Node, through Dawn (the `webgpu` package). */
export const webgpuBackend = createWebgpuBackend('webgpu', nodeGpu);

// Above onnxruntime-node (20) on a hardware GPU; a software adapter reports SOFTWARE_PRIORITY instead.
registerBackend(webgpuBackend.name, () => webgpuBackend, 25, { source: '@vdsr/backend-webgpu' });

export { describeAdapter, isSoftwareAdapter } from './adapter.js';
export { createWebgpuBackend, type GpuSource, SOFTWARE_PRIORITY } from './backend.js';
export type { WebgpuOptions } from './options.js';
export type { WebgpuSession } from './session.js';
