/// <reference types="@webgpu/types" />
import { argError, assertSessionOptions, type Precision, type SessionOptions } from '@vdsr/core/backend';

declare module '@vdsr/core' {
  interface SessionOptions {
    /**
     * A GPUDevice the application already uses: the session runs on it and never destroys it.
     * Default: the session requests its own device from the adapter (and destroys it on dispose).
     */
    gpuDevice?: GPUDevice;
    /** The `navigator.gpu` to ask for an adapter. Default: `navigator.gpu` in browsers, Dawn (the `webgpu` package) in Node. */
    gpu?: GPU;
    /** Which adapter to ask for when the session requests its own device. */
    powerPreference?: 'low-power' | 'high-performance';
    /**
     * 'f16' stores activations and weights as halves (sums stay f32) where the device has
     * `shader-f16`, and falls back to 'f32' where it has not; the session's `precision` says which
     * it got. Default 'f32'. The webgpu backend has no 'int8'.
     */
    precision?: Precision;
  }
}

export interface WebgpuOptions {
  readonly gpuDevice?: GPUDevice;
  readonly gpu?: GPU;
  readonly powerPreference?: 'low-power' | 'high-performance';
  readonly precision: 'f32' | 'f16';
}

/** Validates this backend's session options; other keys are other backends' and pass through. */
export function webgpuOptions(options: SessionOptions = {}): WebgpuOptions {
  assertSessionOptions(options);
  const { gpuDevice, gpu, powerPreference, precision = 'f32' } = options;
  if (gpuDevice !== undefined && typeof (gpuDevice as Partial<GPUDevice>)?.createBuffer !== 'function') {
    throw argError('options.gpuDevice', 'a GPUDevice', gpuDevice);
  }
  if (gpu !== undefined && typeof (gpu as Partial<GPU>)?.requestAdapter !== 'function') {
    throw argError('options.gpu', 'a GPU (navigator.gpu)', gpu);
  }
  if (
    powerPreference !== undefined &&
    powerPreference !== 'low-power' &&
    powerPreference !== 'high-performance'
  ) {
    throw argError('options.powerPreference', "'low-power' or 'high-performance'", powerPreference);
  }
  if (precision !== 'f32' && precision !== 'f16') {
    throw argError('options.precision', "'f32' or 'f16' (the webgpu backend has no int8)", precision);
  }
  return { gpuDevice, gpu, powerPreference, precision };
}
