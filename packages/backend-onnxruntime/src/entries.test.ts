import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createRandomWeights, listBackends, referenceBackend, resolveBackend, VDSR_PAPER } from '@vdsr/core';
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

describe('built entries (run `build` first)', () => {
  const dist = (file: string) => new URL(`../dist/${file}`, import.meta.url);
  const require = createRequire(import.meta.url);
  const weights = createRandomWeights(4, { ...VDSR_PAPER, depth: 3, channels: 4 });
  const y = Float32Array.from({ length: 12 * 9 }, (_, i) => ((i * 37) % 255) / 255);

  it.each([
    ['ESM', () => import(dist('node.js').href)],
    ['CommonJS', async () => require(fileURLToPath(dist('node.cjs')))],
  ])(
    '%s: onnxruntime runs its session in a worker thread and gives the reference result',
    async (_, load) => {
      const { onnxruntimeBackend } = (await load()) as typeof import('./node.js');
      // Linux lists a process's threads in /proc; elsewhere the count stays 0 and says nothing.
      const threads = () => (existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : 0);
      const before = threads();
      const session = await onnxruntimeBackend.createSession(weights, { threads: 1 });
      if (before > 0) expect(threads()).toBeGreaterThan(before);
      const reference = await referenceBackend.createSession(weights);
      try {
        const [out, expected] = await Promise.all([session.run(y, 12, 9), reference.run(y, 12, 9)]);
        expect(out).toHaveLength(expected.length);
        for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(expected[i]!, 5);
      } finally {
        await session.dispose();
        await reference.dispose();
      }
    },
  );
});
