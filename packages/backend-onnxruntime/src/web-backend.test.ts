import { runConformanceSuite } from '@vdsr/core/testing';
import { env } from 'onnxruntime-web';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeOrtBackend } from './ort-backend.cases.js';
import { onnxruntimeWebBackend, webExecutionProviders } from './web-backend.js';

// Node runs onnxruntime-web's wasm single-threaded, and the .wasm files are found next to its dist.
env.wasm.numThreads = 1;

runConformanceSuite({
  name: 'onnxruntime-web (wasm, in Node)',
  createBackend: () => onnxruntimeWebBackend,
  test: { describe, it, expect, beforeAll, afterAll },
});

describeOrtBackend(onnxruntimeWebBackend, 1);

describe('webExecutionProviders', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for WebGPU first where navigator.gpu exists', () => {
    vi.stubGlobal('navigator', { gpu: {} });
    expect(webExecutionProviders()).toEqual(['webgpu', 'wasm']);
  });

  it('uses wasm alone without navigator.gpu', () => {
    vi.stubGlobal('navigator', {});
    expect(webExecutionProviders()).toEqual(['wasm']);
    vi.stubGlobal('navigator', undefined);
    expect(webExecutionProviders()).toEqual(['wasm']);
  });
});
