/// <reference types="@webgpu/types" />
import { nodeGpu } from './node-gpu.js';

/** A Dawn device for tests that hand the session a device of their own (one Dawn instance per process). */
export async function dawnDevice(): Promise<GPUDevice> {
  const gpu = await nodeGpu();
  if (typeof gpu === 'string') throw new Error(gpu);
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('Dawn found no adapter');
  return adapter.requestDevice();
}

/**
 * The device as the session sees it, but reporting `limits` instead of its own: to test tiling
 * within small limits, and what happens when the real device refuses a buffer its reported limits allow.
 */
export function withLimits(
  device: GPUDevice,
  limits: Partial<Record<keyof GPUSupportedLimits, number>>,
): GPUDevice {
  const reported = new Proxy(device.limits, {
    get: (target, key) =>
      key in limits ? limits[key as keyof typeof limits] : Reflect.get(target, key, target),
  });
  return new Proxy(device, {
    get(target, key) {
      if (key === 'limits') return reported;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
