import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackendSession } from '../backend.js';
import { ensembleSession } from '../ensemble/session.js';
import { VDSR_PAPER } from '../graph/architecture.js';
import { referenceBackend } from '../reference/backend.js';
import { randomPlane } from '../testing/fixtures.js';
import { createRandomWeights } from '../weights/random.js';
import { runTiled, type TileProgress } from './run.js';

// Depth 20 keeps the receptive radius at the paper's 20 px; 4 channels keep it fast.
const weights = createRandomWeights(11, { ...VDSR_PAPER, channels: 4 });
const session = await referenceBackend.createSession(weights);

describe('runTiled', () => {
  it('equals the whole-image run exactly, for any size and tile size (property)', async () => {
    const sizes = fc.oneof(
      fc.integer({ min: 1, max: 24 }),
      fc.integer({ min: 150, max: 311 }).map((n) => n | 1),
    );
    const cases = fc.tuple(sizes, sizes, fc.integer({ min: 1, max: 1000 })).chain(([width, height, seed]) =>
      fc.record({
        width: fc.constant(width),
        height: fc.constant(height),
        seed: fc.constant(seed),
        // At most ~25 tiles, so the halo's overhead keeps the run short.
        tileSize: fc.integer({
          min: Math.ceil(Math.max(width, height) / 5),
          max: Math.max(width, height) + 3,
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ width, height, seed, tileSize }) => {
        const y = randomPlane(width, height, seed);
        const whole = await session.run(y, width, height);
        expect(await runTiled(session, y, width, height, { tileSize })).toEqual(whole);
      }),
      {
        numRuns: 10,
        seed: 20160627,
        examples: [
          [{ width: 1, height: 1, seed: 1, tileSize: 1 }],
          [{ width: 301, height: 7, seed: 2, tileSize: 61 }],
        ],
      },
    );
  });

  it('equals the whole-image run with an ensemble too: each pass sees a whole tile (property)', async () => {
    // Depth 6 and a 6 px halo: the same exactness at a fraction of the cost of 8 passes a tile.
    const shallow = await referenceBackend.createSession(
      createRandomWeights(12, { ...VDSR_PAPER, depth: 6, channels: 4 }),
    );
    const sizes = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 25, max: 60 }));
    const cases = fc.record({
      width: sizes,
      height: sizes,
      seed: fc.integer({ min: 1, max: 1000 }),
      ensemble: fc.constantFrom(2 as const, 4 as const, 8 as const),
      tileSize: fc.integer({ min: 8, max: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ width, height, seed, ensemble, tileSize }) => {
        const y = randomPlane(width, height, seed);
        const ensembled = ensembleSession(shallow, ensemble);
        const whole = await ensembled.run(y, width, height);
        expect(await runTiled(ensembled, y, width, height, { tileSize, halo: 6 })).toEqual(whole);
      }),
      {
        numRuns: 6,
        seed: 20160627,
        examples: [[{ width: 41, height: 29, seed: 3, ensemble: 8, tileSize: 12 }]],
      },
    );
  });

  it('needs the full halo: one pixel less changes the result (the property above can fail)', async () => {
    const y = randomPlane(90, 90, 5);
    const whole = await session.run(y, 90, 90);
    expect(await runTiled(session, y, 90, 90, { tileSize: 30, halo: 20 })).toEqual(whole);
    expect(await runTiled(session, y, 90, 90, { tileSize: 30, halo: 19 })).not.toEqual(whole);
  });

  it('reports progress by output pixels after every tile', async () => {
    const seen: TileProgress[] = [];
    await runTiled(session, randomPlane(30, 20, 1), 30, 20, {
      tileSize: 15,
      halo: 2,
      onProgress: (p) => seen.push(p),
    });
    expect(seen).toEqual([
      { fraction: 0.25, tile: 1, tiles: 4 },
      { fraction: 0.5, tile: 2, tiles: 4 },
      { fraction: 0.75, tile: 3, tiles: 4 },
      { fraction: 1, tile: 4, tiles: 4 },
    ]);
    seen.length = 0;
    await runTiled(session, randomPlane(3, 2, 1), 3, 2, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([{ fraction: 1, tile: 1, tiles: 1 }]);
  });

  it('stops between tiles with E_ABORTED and leaves the session usable', async () => {
    const controller = new AbortController();
    const y = randomPlane(40, 40, 3);
    let tilesSeen = 0;
    const run = runTiled(session, y, 40, 40, {
      tileSize: 10,
      signal: controller.signal,
      onProgress: () => {
        tilesSeen++;
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'E_ABORTED' });
    expect(tilesSeen).toBe(1);
    await expect(runTiled(session, y, 40, 40, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'E_ABORTED',
    });
    expect(await runTiled(session, y, 40, 40, { tileSize: 10 })).toEqual(await session.run(y, 40, 40));
  });

  it('turns a wrong-sized backend result into E_BACKEND', async () => {
    const liar: BackendSession = {
      backend: 'liar',
      run: async () => new Float32Array(3),
      dispose: async () => {},
    };
    await expect(runTiled(liar, new Float32Array(4), 2, 2)).rejects.toMatchObject({
      code: 'E_BACKEND',
      message: "Backend 'liar' returned Float32Array of length 3 for a 2 x 2 tile",
    });
  });

  it('rejects bad arguments with E_ARG', async () => {
    const y = new Float32Array(4);
    await expect(runTiled({} as BackendSession, y, 2, 2)).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected a BackendSession for session but received object Object',
    });
    await expect(runTiled(session, y, 4, 2)).rejects.toMatchObject({
      message: 'Expected y of length 8 (4 x 2) but received length 4',
    });
    await expect(runTiled(session, y, 2, 2, { signal: 'stop' as never })).rejects.toMatchObject({
      message: "Expected an AbortSignal for signal but received string 'stop'",
    });
    await expect(runTiled(session, y, 2, 2, { onProgress: 1 as never })).rejects.toMatchObject({
      message: 'Expected a function for onProgress but received number 1',
    });
    await expect(runTiled(session, y, 2, 2, { tileSize: -3 })).rejects.toMatchObject({
      message: 'Expected a positive integer for tileSize but received number -3',
    });
  });
});
