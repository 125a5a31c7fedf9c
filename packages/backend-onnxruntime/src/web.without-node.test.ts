import { createRandomWeights, createSession, resolveBackend } from '@vdsr/core';
import { describe, expect, it, vi } from 'vitest';

// An application that installed onnxruntime-web only, and imports both entries all the same.
vi.mock('onnxruntime-node', async () => {
  const { notInstalled } = await import('./not-installed.fixture.js');
  throw notInstalled('onnxruntime-node');
});

describe('both entries with onnxruntime-node missing', () => {
  it("'auto' passes over onnxruntime for onnxruntime-web, which loads only its own runtime and runs", async () => {
    await import('./node.js');
    const { onnxruntimeWebBackend } = await import('./web.js');
    expect(await resolveBackend()).toBe(onnxruntimeWebBackend);
    const session = await createSession(createRandomWeights(1), { threads: 1 });
    expect(session.backend).toBe('onnxruntime-web');
    expect(await session.run(new Float32Array(12).fill(0.5), 4, 3)).toHaveLength(12);
    await session.dispose();
  });
});
