import { argError, type SessionOptions } from '@vdsr/core/backend';

/** onnxruntime-web's execution providers that can run VDSR. */
export type WebExecutionProvider = 'webgpu' | 'wasm' | 'webnn';

/** Where onnxruntime-web's own files are served: a URL prefix, or each file's URL (env.wasm.wasmPaths). */
export type WasmPaths = string | { wasm?: string | URL; mjs?: string | URL };

declare module '@vdsr/core' {
  interface SessionOptions {
    /**
     * onnxruntime-web: execution providers in order of preference. Defaults to ['wasm'] for
     * 'onnxruntime-web' and ['webgpu'] for 'onnxruntime-webgpu'; ['webgpu', 'wasm'] asks for WebGPU
     * whatever the adapter (a software one such as SwiftShader runs ~100x slower than wasm).
     */
    executionProviders?: readonly WebExecutionProvider[];
    /**
     * onnxruntime-web: where its `.wasm` and `.mjs` files are served (`env.wasm.wasmPaths`). Unset,
     * it finds them next to its own module, which bundlers copy; read once, when the runtime starts.
     */
    wasmPaths?: WasmPaths;
    /**
     * onnxruntime-web: milliseconds to wait for the runtime to load and the session to start before
     * failing with E_BACKEND (default 60000, the .wasm download included; Infinity waits forever).
     */
    startTimeout?: number;
  }
}

export const DEFAULT_START_TIMEOUT = 60_000;

const PROVIDERS: readonly string[] = ['webgpu', 'wasm', 'webnn'];

function isUrlLike(value: unknown): boolean {
  return typeof value === 'string' || value instanceof URL;
}

/** Validates the onnxruntime-web options (E_ARG naming the option, what was expected and received). */
export function assertWebOptions(options: SessionOptions): void {
  const { executionProviders, wasmPaths, startTimeout } = options;
  if (
    executionProviders !== undefined &&
    (!Array.isArray(executionProviders) ||
      executionProviders.length === 0 ||
      !executionProviders.every((p) => PROVIDERS.includes(p)))
  ) {
    throw argError(
      'options.executionProviders',
      `a non-empty array of ${PROVIDERS.map((p) => `'${p}'`).join(', ')}`,
      executionProviders,
    );
  }
  if (
    wasmPaths !== undefined &&
    typeof wasmPaths !== 'string' &&
    (typeof wasmPaths !== 'object' ||
      wasmPaths === null ||
      Object.entries(wasmPaths).some(([key, url]) => !['wasm', 'mjs'].includes(key) || !isUrlLike(url)))
  ) {
    throw argError('options.wasmPaths', 'a URL prefix string or { wasm?, mjs? } URLs', wasmPaths);
  }
  if (
    startTimeout !== undefined &&
    (typeof startTimeout !== 'number' || Number.isNaN(startTimeout) || startTimeout <= 0)
  ) {
    throw argError('options.startTimeout', 'a positive number of milliseconds (or Infinity)', startTimeout);
  }
}
