import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeOrtBackend } from './ort-backend.cases.js';
import { onnxruntimeWebBackend, webExecutionProviders } from './web-backend.js';

// onnxruntime-web runs single-threaded wasm in Node and finds its .wasm files next to its own dist.
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
