/// <reference types="@webgpu/types" />
import type { GpuSource } from './backend.js';

/** The browser's navigator.gpu (WebGPU needs a secure context: https or http://127.0.0.1). */
export const webGpu: GpuSource = async () =>
  (globalThis.navigator as Navigator | undefined)?.gpu ??
  'navigator.gpu is missing (no WebGPU in this browser, or the page is not a secure context)';
