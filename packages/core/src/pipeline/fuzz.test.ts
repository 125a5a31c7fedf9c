import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VDSR_PAPER } from '../graph/architecture.js';
import type { VdsrImage } from '../image.js';
import { referenceBackend } from '../reference/backend.js';
import { createRandomWeights, seededRandom } from '../weights/random.js';
import { upscale } from './upscale.js';

// Seeded and bounded in time: each property stops after its time limit, failing only on a counterexample.
const BUDGET = { seed: 1511, numRuns: 500, interruptAfterTimeLimit: 4000 };
const architecture = { ...VDSR_PAPER, depth: 8, channels: 4 };
const session = await referenceBackend.createSession(createRandomWeights(8, architecture));

/** Samples anywhere a caller might send them: 8-bit, or float in and far out of 0..255 (finite). */
const images = fc
  .record({
    width: fc.integer({ min: 1, max: 40 }),
    height: fc.integer({ min: 1, max: 40 }),
    channels: fc.constantFrom(1 as const, 3 as const, 4 as const),
    kind: fc.constantFrom('u8', 'clamped', 'float', 'wild'),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map(({ width, height, channels, kind, seed }): VdsrImage => {
    const rand = seededRandom(seed);
    const length = width * height * channels;
    const data =
      kind === 'u8'
        ? Uint8Array.from({ length }, () => Math.floor(rand() * 256))
        : kind === 'clamped'
          ? Uint8ClampedArray.from({ length }, () => Math.floor(rand() * 256))
          : kind === 'float'
            ? Float32Array.from({ length }, () => rand() * 255)
            : Float32Array.from({ length }, () => (rand() - 0.5) * 10 ** Math.floor(rand() * 39));
    return { width, height, channels, data };
  });

const targets = fc.oneof(
  fc.double({ min: 1.01, max: 4, noNaN: true }).map((scale) => ({ scale })),
  fc.integer({ min: 2, max: 4 }).map((scale) => ({ scale })),
  fc.integer({ min: 2, max: 90 }).map((width) => ({ width })),
);

describe('upscale fuzz (seeded, time-bounded)', () => {
  it('tiled equals untiled, never NaN, always 0..255, for random images, targets and tiles', async () => {
    await fc.assert(
      fc.asyncProperty(images, targets, fc.integer({ min: 16, max: 48 }), async (image, target, tileSize) => {
        const whole = await upscale(image, target, { session, architecture }).catch((error) => error);
        if (!(whole && 'data' in whole)) {
          // Only a target that does not upscale (E_ARG) or scales past maxScale (E_LIMIT) is refused.
          expect(['E_ARG', 'E_LIMIT']).toContain(whole.code);
          return;
        }
        const tiled = await upscale(image, target, { session, architecture, tileSize });
        expect(Buffer.from(tiled.data.buffer).equals(Buffer.from(whole.data.buffer))).toBe(true);
        for (const v of whole.data) if (!(v >= 0 && v <= 255)) expect(v).toBe('a sample in 0..255');
      }),
      BUDGET,
    );
  }, 30_000);
});
