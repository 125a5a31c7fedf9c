import { type Backend, createRandomWeights, seededRandom, VDSR_PAPER } from '@vdsr/core';
import { describe, expect, it } from 'vitest';
import type { Tf } from './tf.js';

const TILES = 50;

/** tfjs's own counters: tensors the engine tracks and the bytes they hold. */
function held(tf: Tf): { numTensors: number; numBytes: number } {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}

/**
 * The leak UpscalerJS users met: every tile must give back every tensor it made, and dispose() every
 * tensor the session uploaded. Checked with tfjs's own counters after each of 50 tiles of varied sizes.
 */
export function describeTfjsMemory(tf: Tf, backend: Backend): void {
  describe(`${backend.name} memory`, () => {
    it(`returns to its starting tensors and bytes after each of ${TILES} tiles and after dispose()`, async () => {
      const weights = createRandomWeights(7, { ...VDSR_PAPER, channels: 8, depth: 6 });
      // An upload of its own first, so that the backend's one-time setup is not counted as the session's.
      await (await backend.createSession(weights)).dispose();
      const start = held(tf);
      const session = await backend.createSession(weights);
      const loaded = held(tf);
      expect(loaded.numTensors).toBe(start.numTensors + 2 * weights.layers.length);
      const rand = seededRandom(50);
      const afterTiles: { numTensors: number; numBytes: number }[] = [];
      for (let i = 0; i < TILES; i++) {
        const width = 1 + ((i * 7) % 23);
        const height = 1 + ((i * 11) % 19);
        const out = await session.run(Float32Array.from({ length: width * height }, rand), width, height);
        expect(out.length).toBe(width * height);
        afterTiles.push(held(tf));
      }
      expect(
        afterTiles.filter((m) => m.numTensors !== loaded.numTensors || m.numBytes !== loaded.numBytes),
      ).toEqual([]);
      await session.dispose();
      expect(held(tf)).toEqual(start);
    });

    it('frees the tile tensors of a run aborted while it computed', async () => {
      const session = await backend.createSession(
        createRandomWeights(8, { ...VDSR_PAPER, channels: 4, depth: 3 }),
      );
      const loaded = held(tf);
      // Not yet aborted when run() and the queued run check it, aborted when the result is back.
      let reads = 0;
      const signal = {
        get aborted() {
          return ++reads > 2;
        },
        reason: new Error('stop'),
        addEventListener() {},
        removeEventListener() {},
      } as unknown as AbortSignal;
      await expect(session.run(new Float32Array(64), 8, 8, signal)).rejects.toMatchObject({
        code: 'E_ABORTED',
      });
      expect(reads).toBe(3);
      expect(held(tf)).toEqual(loaded);
      await session.dispose();
    });
  });
}
