import { createRandomWeights, planTiles } from '@vdsr/core';
import { runConformanceSuite } from '@vdsr/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onnxruntimeBackend } from './node-backend.js';
import { describeOrtBackend } from './ort-backend.cases.js';

runConformanceSuite({
  name: 'onnxruntime (onnxruntime-node, CPU)',
  createBackend: () => onnxruntimeBackend,
  test: { describe, it, expect, beforeAll, afterAll },
});

describeOrtBackend(onnxruntimeBackend, 2);

describe('onnxruntime tiles', () => {
  it('plans 1 GiB tiles, so a 1024 x 1024 output runs whole', async () => {
    const session = await onnxruntimeBackend.createSession(createRandomWeights(1), { threads: 1 });
    expect(session.memoryBudget).toBe(2 ** 30);
    expect(planTiles(1024, 1024, { memoryBudget: session.memoryBudget })).toHaveLength(1);
    await session.dispose();
  });
});
