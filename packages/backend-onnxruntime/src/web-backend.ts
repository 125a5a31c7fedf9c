import type { Availability, Backend, SessionOptions } from '@vdsr/core/backend';
import type { Ort } from './ort.js';
import { createOrtBackend } from './ort-backend.js';
import { inThreadEngine } from './ort-engine.js';
import { assertWebOptions, DEFAULT_START_TIMEOUT, type WebExecutionProvider } from './web-options.js';
import { probeWebGpu } from './webgpu-adapter.js';

/** 'auto' ranks onnxruntime-webgpu here on a software adapter: below wasm (10), which is ~100x faster there. */
export const SOFTWARE_WEBGPU_PRIORITY = 5;

// onnxruntime-web starts its thread workers from the script that holds its code, so the usual cause
// of a session that never starts is a bundle that merged onnxruntime-web into the app's own code.
const STALLED_HINT =
  "onnxruntime-web's thread workers may be running your app's bundle: import onnxruntime-web only " +
  'through @vdsr/backend-onnxruntime (pass threads, wasmPaths and executionProviders as options), or ' +
  "set options.wasmPaths to where onnxruntime-web's dist files are served, or use threads: 1";

function webOrtBackend(name: string, defaultProviders: readonly WebExecutionProvider[]) {
  return {
    name,
    runtime: 'onnxruntime-web' as const,
    load: () => import('onnxruntime-web'),
    assertOptions: assertWebOptions,
    startTimeout: (options: SessionOptions) => options.startTimeout ?? DEFAULT_START_TIMEOUT,
    stalledHint: STALLED_HINT,
    open: async (ort: Ort, model: Uint8Array, options: SessionOptions) => {
      const { threads, wasmPaths, executionProviders } = options;
      // onnxruntime-web reads its wasm settings once, when its first session starts.
      if (threads !== undefined) ort.env.wasm.numThreads = threads;
      if (wasmPaths !== undefined) ort.env.wasm.wasmPaths = wasmPaths;
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [...(executionProviders ?? defaultProviders)],
        graphOptimizationLevel: 'all',
      });
      return inThreadEngine(ort, session);
    },
  };
}

/** VDSR on onnxruntime-web's wasm (CPU) execution provider, in browsers and in Node. */
export const onnxruntimeWebBackend: Backend = createOrtBackend(webOrtBackend('onnxruntime-web', ['wasm']));

/**
 * VDSR on onnxruntime-web's WebGPU execution provider. Unavailable without a WebGPU adapter; on a
 * software adapter (SwiftShader, lavapipe) it ranks itself below wasm, so 'auto' passes it over.
 */
export const onnxruntimeWebGpuBackend: Backend = createOrtBackend({
  ...webOrtBackend('onnxruntime-webgpu', ['webgpu']),
  availability: async (): Promise<Availability> => {
    const adapter = await probeWebGpu();
    if (adapter.kind === 'none') return { available: false, reason: adapter.reason };
    return adapter.kind === 'software'
      ? { available: true, priority: SOFTWARE_WEBGPU_PRIORITY }
      : { available: true };
  },
});
