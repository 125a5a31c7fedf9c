/// <reference types="@webgpu/types" />
import { registerBackend } from '@vdsr/core/backend';
import { createWebgpuBackend } from './backend.js';
import { nodeGpu } from './node-gpu.js';

/** VDSR on WebGPU in Node, through Dawn (the `webgpu` package). */
export const webgpuBackend = createWebgpuBackend('webgpu', nodeGpu);

/**
 * In Node, below onnxruntime-node (20): its CPU rate is measured wherever we test, a GPU's through
 * Dawn is not yet, and 'auto' then never starts Dawn (its start-up time and the adapter warnings it
 * prints) when onnxruntime-node is there. Above tfjs-node (15) and the wasm backends; a software
 * adapter reports SOFTWARE_PRIORITY instead. The browser entry ranks at 25, above wasm.
 */
const NODE_PRIORITY = 18;

registerBackend(webgpuBackend.name, () => webgpuBackend, NODE_PRIORITY, { source: '@vdsr/backend-webgpu' });

export { describeAdapter, isSoftwareAdapter } from './adapter.js';
export { createWebgpuBackend, type GpuSource, SOFTWARE_PRIORITY } from './backend.js';
export type { WebgpuOptions } from './options.js';
export type { WebgpuSession } from './session.js';
