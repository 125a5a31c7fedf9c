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
  it('plans tiles of at most about 400k pixels, so that a 48 MP upscale stays well under 1.5 GB', async () => {
    const session = await onnxruntimeBackend.createSession(createRandomWeights(1), { threads: 1 });
    expect(session.memoryBudget).toBe(192 * 2 ** 20);
    const tiles = planTiles(8000, 6000, { memoryBudget: session.memoryBudget });
    const largest = Math.max(...tiles.slice(0, 4).map((t) => t.outer.width * t.outer.height));
    expect(largest).toBeLessThanOrEqual(400_000);
    expect(largest).toBeGreaterThan(300_000);
    expect(planTiles(580, 580, { memoryBudget: session.memoryBudget })).toHaveLength(1);
    await session.dispose();
  });
});
