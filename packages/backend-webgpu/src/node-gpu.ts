/// <reference types="@webgpu/types" />
import type { GpuSource } from './backend.js';
import { message } from './session.js';

let dawn: Promise<GPU> | undefined;

/**
 * Dawn's navigator.gpu from the `webgpu` package, made once and only when first needed (importing
 * this package loads no native code). Its globals are not copied onto globalThis.
 */
export const nodeGpu: GpuSource = async () => {
  dawn ??= import('webgpu').then(({ create }) => create([]) as GPU);
  try {
    return await dawn;
  } catch (error) {
    dawn = undefined;
    return `the webgpu package (Dawn) could not be loaded: ${message(error)}`;
  }
};
