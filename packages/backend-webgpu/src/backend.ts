/// <reference types="@webgpu/types" />
import {
  type Availability,
  assertWeights,
  type Backend,
  type SessionOptions,
  VdsrError,
  type VdsrWeights,
} from '@vdsr/core/backend';
import { isSoftwareAdapter } from './adapter.js';
import { createNetwork } from './network.js';
import { type WebgpuOptions, webgpuOptions } from './options.js';
import { message, WebgpuSession } from './session.js';

/** Where 'auto' ranks a software adapter: below onnxruntime-web's wasm (10), above the reference (0). */
export const SOFTWARE_PRIORITY = 5;

/** The platform's WebGPU entry point, or why there is none. */
export type GpuSource = () => Promise<GPU | string>;

async function requestAdapter(gpu: GPU, powerPreference?: GPUPowerPreference): Promise<GPUAdapter> {
  const adapter = await gpu.requestAdapter(powerPreference ? { powerPreference } : undefined);
  if (!adapter) throw new Error('navigator.gpu.requestAdapter() found no adapter');
  return adapter;
}

/** The device the session runs on: the application's, or a new one with the adapter's best limits. */
async function openDevice(
  options: WebgpuOptions,
  source: GpuSource,
): Promise<{ device: GPUDevice; ownsDevice: boolean }> {
  if (options.gpuDevice) return { device: options.gpuDevice, ownsDevice: false };
  const gpu = options.gpu ?? (await source());
  if (typeof gpu === 'string') throw new Error(gpu);
  const adapter = await requestAdapter(gpu, options.powerPreference);
  const f16 = options.precision === 'f16' && adapter.features.has('shader-f16');
  const {
    maxStorageBufferBindingSize,
    maxBufferSize,
    maxComputeWorkgroupStorageSize,
    maxUniformBufferBindingSize,
  } = adapter.limits;
  const device = await adapter.requestDevice({
    label: 'vdsr',
    requiredFeatures: f16 ? ['shader-f16'] : [],
    requiredLimits: {
      maxStorageBufferBindingSize,
      maxBufferSize,
      maxComputeWorkgroupStorageSize,
      maxUniformBufferBindingSize,
    },
  });
  return { device, ownsDevice: true };
}

/** VDSR on WebGPU with kernels generated for the weights' architecture; `source` finds navigator.gpu. */
export function createWebgpuBackend(name: string, source: GpuSource): Backend {
  let availability: Promise<Availability> | undefined;
  const probe = async (): Promise<Availability> => {
    try {
      const gpu = await source();
      if (typeof gpu === 'string') return { available: false, reason: gpu };
      const adapter = await requestAdapter(gpu);
      return isSoftwareAdapter(adapter)
        ? { available: true, priority: SOFTWARE_PRIORITY }
        : { available: true };
    } catch (error) {
      return { available: false, reason: message(error) };
    }
  };
  return {
    name,

    /** Asks for an adapter once; a software one (SwiftShader, lavapipe) ranks below the wasm backends. */
    isAvailable: () => (availability ??= probe()),

    async createSession(weights: VdsrWeights, options?: SessionOptions): Promise<WebgpuSession> {
      const opts = webgpuOptions(options);
      assertWeights(weights);
      if (weights.architecture.kernelSize !== 3) {
        throw new VdsrError(
          'E_WEIGHTS',
          `Expected 3x3 kernels (the only size the ${name} backend runs) but received kernelSize ${weights.architecture.kernelSize}`,
        );
      }
      let opened: { device: GPUDevice; ownsDevice: boolean } | undefined;
      try {
        opened = await openDevice(opts, source);
        const f16 = opts.precision === 'f16' && opened.device.features.has('shader-f16');
        const network = await createNetwork(opened.device, weights, f16 ? 'f16' : 'f32');
        return new WebgpuSession({ name, ...opened, network });
      } catch (error) {
        if (opened?.ownsDevice) opened.device.destroy();
        if (error instanceof VdsrError) throw error;
        throw new VdsrError('E_BACKEND', `${name} could not create a session: ${message(error)}`, {
          cause: error,
        });
      }
    },
  };
}
