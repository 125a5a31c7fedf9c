import { isVdsrError, seededRandom } from '@vdsr/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upscaleBuffer } from './buffer.js';
import { gradient, testOptions } from './test-images.js';

const png = await gradient(12, 9).png().toBuffer();
const jpeg = await gradient(12, 9).jpeg().toBuffer();
const gif = await gradient(12, 9).gif().toBuffer();
const webp = await gradient(12, 9).webp().toBuffer();

/** Random bytes, bare or behind a real format's first bytes, or a real file cut short or changed. */
const inputs = fc
  .record({
    base: fc.constantFrom(undefined, png, jpeg, gif, webp),
    keep: fc.nat(),
    length: fc.nat({ max: 600 }),
    seed: fc.integer(),
  })
  .map(({ base, keep, length, seed }) => {
    const rand = seededRandom(seed);
    const prefix = base ? base.subarray(0, keep % (base.length + 1)) : Buffer.alloc(0);
    const tail = Buffer.from(Array.from({ length }, () => Math.floor(rand() * 256)));
    return Buffer.concat([prefix, tail]);
  });

describe('upscaleBuffer fuzz (seeded, time-bounded)', () => {
  it('gives an image or one VdsrError with a code for random bytes, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (bytes) => {
        const result = await upscaleBuffer(bytes, { scale: 2 }, testOptions).catch((error) => error);
        if (result instanceof Buffer) return;
        expect({
          vdsrError: isVdsrError(result),
          code: ['E_IO', 'E_ARG', 'E_LIMIT'].includes(result.code),
          message: typeof result.message === 'string' && result.message.length > 0,
        }).toEqual({ vdsrError: true, code: true, message: true });
      }),
      { seed: 2016, numRuns: 400, interruptAfterTimeLimit: 4000, examples: [[Buffer.alloc(0)]] },
    );
  }, 30_000);
});
