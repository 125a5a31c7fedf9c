import { resolveBackend } from '@vdsr/core';
import { runConformanceSuite } from '@vdsr/core/testing';
import { env } from 'onnxruntime-web';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handCheckedWeights } from './hand-checked.fixture.js';
import { codeOf, describeOrtBackend } from './ort-backend.cases.js';
import { createOrtBackend } from './ort-backend.js';
import './web.js';
import { onnxruntimeWebBackend, onnxruntimeWebGpuBackend, SOFTWARE_WEBGPU_PRIORITY } from './web-backend.js';
import { probeWebGpu } from './webgpu-adapter.js';

// Node runs onnxruntime-web's wasm single-threaded, and the .wasm files are found next to its dist.
env.wasm.numThreads = 1;

runConformanceSuite({
  name: 'onnxruntime-web (wasm, in Node)',
  createBackend: () => onnxruntimeWebBackend,
  test: { describe, it, expect, beforeAll, afterAll },
});

describeOrtBackend(onnxruntimeWebBackend, 1);

function stubAdapter(adapter: unknown) {
  vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => adapter } });
}

describe('WebGPU adapters', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('tells software adapters (SwiftShader, lavapipe, fallback) from hardware ones', async () => {
    stubAdapter({
      info: { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device' },
    });
    expect(await probeWebGpu()).toEqual({ kind: 'software', name: 'google swiftshader SwiftShader Device' });
    stubAdapter({ info: { vendor: 'mesa', device: 'llvmpipe (LLVM 19.1.7, 256 bits)' } });
    expect((await probeWebGpu()).kind).toBe('software');
    stubAdapter({ info: { vendor: 'intel', isFallbackAdapter: true } });
    expect((await probeWebGpu()).kind).toBe('software');
    stubAdapter({ isFallbackAdapter: true, info: {} });
    expect((await probeWebGpu()).kind).toBe('software');
    stubAdapter({ info: { vendor: 'nvidia', architecture: 'hopper' } });
    expect(await probeWebGpu()).toEqual({ kind: 'hardware', name: 'nvidia hopper' });
  });

  it('reports no adapter without navigator.gpu or when none is given', async () => {
    vi.stubGlobal('navigator', {});
    expect(await probeWebGpu()).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/navigator.gpu/),
    });
    stubAdapter(null);
    expect(await probeWebGpu()).toEqual({ kind: 'none', reason: 'WebGPU found no adapter' });
    vi.stubGlobal('navigator', { gpu: { requestAdapter: () => Promise.reject(new Error('blocked')) } });
    expect(await probeWebGpu()).toMatchObject({ kind: 'none', reason: expect.stringMatching(/blocked/) });
  });

  it("makes 'auto' pass over a software adapter for wasm, and take a hardware one", async () => {
    vi.stubGlobal('navigator', {});
    expect(await onnxruntimeWebGpuBackend.isAvailable()).toMatchObject({ available: false });
    expect((await resolveBackend('auto')).name).toBe('onnxruntime-web');
    stubAdapter({ info: { vendor: 'google', architecture: 'swiftshader' } });
    expect(await onnxruntimeWebGpuBackend.isAvailable()).toEqual({
      available: true,
      priority: SOFTWARE_WEBGPU_PRIORITY,
    });
    expect((await resolveBackend('auto')).name).toBe('onnxruntime-web');
    stubAdapter({ info: { vendor: 'amd', architecture: 'rdna-3' } });
    expect(await onnxruntimeWebGpuBackend.isAvailable()).toEqual({ available: true });
    expect((await resolveBackend('auto')).name).toBe('onnxruntime-webgpu');
  });
});

describe('onnxruntime-web options', () => {
  const weights = handCheckedWeights();

  it('rejects bad executionProviders, wasmPaths and startTimeout with E_ARG', async () => {
    for (const options of [
      { executionProviders: [] },
      { executionProviders: ['cuda'] },
      { executionProviders: 'wasm' },
      { wasmPaths: 3 },
      { wasmPaths: { wasm: 3 } },
      { wasmPaths: { js: '/x.js' } },
      { startTimeout: 0 },
      { startTimeout: Number.NaN },
      { startTimeout: '5s' },
    ]) {
      expect(await codeOf(onnxruntimeWebBackend.createSession(weights, options as never))).toBe('E_ARG');
    }
  });

  it('hands executionProviders to the runtime (WebGPU does not exist in Node)', async () => {
    const session = await onnxruntimeWebBackend.createSession(weights, { executionProviders: ['wasm'] });
    await session.dispose();
    const error = await onnxruntimeWebBackend
      .createSession(weights, { executionProviders: ['webgpu'] })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'E_BACKEND', message: expect.stringMatching(/webgpu/i) });
  });

  it('fails with E_BACKEND, saying what to try, when a session does not start in time', async () => {
    const stalled = createOrtBackend({
      name: 'stalled',
      runtime: 'onnxruntime-web',
      load: () => new Promise(() => undefined),
      open: () => new Promise(() => undefined),
      startTimeout: () => 30,
      stalledHint: 'try threads: 1',
    });
    const error = await stalled.createSession(weights).catch((e) => e);
    expect(error).toMatchObject({
      code: 'E_BACKEND',
      message: 'stalled did not start a session within 30 ms. try threads: 1',
      details: { option: 'startTimeout', max: 30 },
    });
  });
});
