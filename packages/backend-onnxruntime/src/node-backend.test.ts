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
  it('plans tiles of at most about 200k pixels, so that Ctrl-C is seen within a tile of ~1 s', async () => {
    const session = await onnxruntimeBackend.createSession(createRandomWeights(1), { threads: 1 });
    expect(session.memoryBudget).toBe(96 * 2 ** 20);
    const tiles = planTiles(8000, 6000, { memoryBudget: session.memoryBudget });
    const largest = Math.max(...tiles.slice(0, 4).map((t) => t.outer.width * t.outer.height));
    expect(largest).toBeLessThanOrEqual(200_000);
    expect(planTiles(400, 400, { memoryBudget: session.memoryBudget })).toHaveLength(1);
    await session.dispose();
  });
});
