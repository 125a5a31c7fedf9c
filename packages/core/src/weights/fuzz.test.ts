import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VDSR_PAPER } from '../graph/architecture.js';
import { parseWeights } from './parse.js';
import { createRandomWeights } from './random.js';
import { serializeWeights } from './serialize.js';

const weights = createRandomWeights(3, { ...VDSR_PAPER, depth: 3, channels: 4 });
const files = {
  F32: await serializeWeights(weights, { dtype: 'F32', provenance: { source: 'fuzz' } }),
  F16: await serializeWeights(weights, { dtype: 'F16' }),
};
const expected = {
  F32: (await parseWeights(files.F32)).layers,
  F16: (await parseWeights(files.F16)).layers,
};

describe('parseWeights fuzz (seeded, time-bounded)', () => {
  // The rule: a changed file throws E_WEIGHTS or parses to exactly the original layers, since the data
  // section is covered by the (required) content_sha256 and the header by the checks on it; a change
  // passes only where nothing is checked (provenance text, padding spaces).
  it('gives E_WEIGHTS or the very same layers for random byte changes', async () => {
    const changes = fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 4,
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('F32' as const, 'F16' as const), changes, async (dtype, edits) => {
        const file = Uint8Array.from(files[dtype]);
        for (const { at, value } of edits) file[at % file.length] = value;
        const parsed = await parseWeights(file).catch((error: { code?: string }) => error);
        if (!('layers' in parsed)) expect(parsed).toMatchObject({ code: 'E_WEIGHTS' });
        else expect(parsed.layers).toEqual(expected[dtype]);
      }),
      { seed: 404, numRuns: 2000, interruptAfterTimeLimit: 3000 },
    );
  }, 30_000);

  it('gives E_WEIGHTS for truncated or extended files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: files.F32.length - 1 }), fc.nat({ max: 64 }), async (cut, extra) => {
        const truncated = files.F32.subarray(0, cut);
        await expect(parseWeights(truncated)).rejects.toMatchObject({ code: 'E_WEIGHTS' });
        if (extra > 0) {
          const longer = new Uint8Array(files.F32.length + extra);
          longer.set(files.F32);
          await expect(parseWeights(longer)).rejects.toMatchObject({ code: 'E_WEIGHTS' });
        }
      }),
      { seed: 405, numRuns: 300, interruptAfterTimeLimit: 2000 },
    );
  }, 30_000);
});
