import { listBackends, resolveBackend } from '@vdsr/core';
import { describe, expect, it } from 'vitest';

describe('package entries', () => {
  it('register onnxruntime (20) in Node, onnxruntime-webgpu (15) and onnxruntime-web (10) on import, above the reference backend', async () => {
    expect(listBackends().map((b) => b.name)).not.toContain('onnxruntime');
    const node = await import('./node.js');
    const web = await import('./web.js');
    expect(listBackends()).toEqual([
      { name: 'onnxruntime', priority: 20 },
      { name: 'onnxruntime-webgpu', priority: 15 },
      { name: 'onnxruntime-web', priority: 10 },
      { name: 'reference', priority: 0 },
    ]);
    expect(await resolveBackend()).toBe(node.onnxruntimeBackend);
    expect(await resolveBackend('onnxruntime-web')).toBe(web.onnxruntimeWebBackend);
  });

  it('export the same model builders from both entries', async () => {
    const node = await import('./node.js');
    const web = await import('./web.js');
    expect(Object.keys(node).sort()).toEqual(
      [
        'ONNX_IR_VERSION',
        'ONNX_OPSET',
        'VDSR_INPUT',
        'VDSR_OUTPUT',
        'buildVdsrOnnxModel',
        'encodeOnnxModel',
        'onnxruntimeBackend',
      ].sort(),
    );
    expect(Object.keys(web).sort()).toEqual(
      [
        ...Object.keys(node).map((k) => (k === 'onnxruntimeBackend' ? 'onnxruntimeWebBackend' : k)),
        'onnxruntimeWebGpuBackend',
        'SOFTWARE_WEBGPU_PRIORITY',
        'DEFAULT_START_TIMEOUT',
      ].sort(),
    );
    expect(web.buildVdsrOnnxModel).toBe(node.buildVdsrOnnxModel);
  });
});
