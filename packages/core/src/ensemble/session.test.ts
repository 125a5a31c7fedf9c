import { describe, expect, it } from 'vitest';
import type { BackendSession } from '../backend.js';
import { VDSR_PAPER } from '../graph/architecture.js';
import { referenceBackend } from '../reference/backend.js';
import { identityWeights, maxAbsDiff, randomPlane } from '../testing/fixtures.js';
import { createRandomWeights } from '../weights/random.js';
import type { VdsrWeights } from '../weights/types.js';
import { ensembleSession } from './session.js';

const architecture = { ...VDSR_PAPER, depth: 6, channels: 4 };

/** A plane's value `dr` rows down and `dc` columns right of every pixel, 0 outside it. */
function shifted(x: Float32Array, width: number, height: number, dr: number, dc: number): number[] {
  return Array.from(x, (_, i) => {
    const r = Math.floor(i / width) + dr;
    const c = (i % width) + dc;
    return r >= 0 && r < height && c >= 0 && c < width ? x[r * width + c]! : 0;
  });
}

/**
 * A session that is not symmetric at all: x + a * (right neighbour) + b * (the pixel a knight's move
 * away, 1 down and 2 right), which is not even mirror-symmetric, so rotations and mirrors average it
 * differently.
 */
function lopsided(a: number, b: number, calls: { width: number; height: number }[] = []): BackendSession {
  return {
    backend: 'lopsided',
    precision: 'f16',
    limits: { maxTileSide: 99 },
    memoryBudget: 1234,
    async run(y, width, height) {
      calls.push({ width, height });
      const right = shifted(y, width, height, 0, 1);
      const knight = shifted(y, width, height, 1, 2);
      return Float32Array.from(y, (v, i) => v + a * right[i]! + b * knight[i]!);
    },
    dispose: async () => {},
  };
}

/** Random weights whose every 3x3 kernel is unchanged by flips and rotations: an equivariant net. */
function symmetricWeights(seed: number): VdsrWeights {
  const weights = createRandomWeights(seed, architecture);
  for (const layer of weights.layers) {
    for (let k = 0; k < layer.weight.length; k += 9) {
      const w = layer.weight.subarray(k, k + 9);
      const corner = (w[0]! + w[2]! + w[6]! + w[8]!) / 4;
      const edge = (w[1]! + w[3]! + w[5]! + w[7]!) / 4;
      w.set([corner, edge, corner, edge, w[4]!, edge, corner, edge, corner]);
    }
  }
  return weights;
}

describe('ensembleSession', () => {
  it("averages the outputs of every transform, turned back: each size's own mix of directions", async () => {
    const [w, h] = [9, 6];
    const y = randomPlane(w, h, 2);
    const at = (dr: number, dc: number) => shifted(y, w, h, dr, dc);
    const [a, b] = [0.1, 0.03];
    const mix = (terms: [number, number, number][]) =>
      Array.from(y, (v, i) => terms.reduce((sum, [weight, dr, dc]) => sum + weight * at(dr, dc)[i]!, v));
    const neighbours: [number, number][] = [
      [0, 1],
      [0, -1],
      [1, 0],
      [-1, 0],
    ];
    // A knight's move turned by 0, 90, 180 and 270 degrees; the mirrors add the other four.
    const turned: [number, number][] = [
      [1, 2],
      [2, -1],
      [-1, -2],
      [-2, 1],
    ];
    const mirrored: [number, number][] = [
      [1, -2],
      [-2, -1],
      [-1, 2],
      [2, 1],
    ];
    const spread = (weight: number, offsets: [number, number][]) =>
      offsets.map(([dr, dc]): [number, number, number] => [weight / offsets.length, dr, dc]);
    const expected = {
      // 180 degrees: right and left, the knight's move and its opposite.
      2: mix([
        ...spread(a, [
          [0, 1],
          [0, -1],
        ]),
        ...spread(b, [
          [1, 2],
          [-1, -2],
        ]),
      ]),
      // The four rotations: all four neighbours, the knight's move turned four ways.
      4: mix([...spread(a, neighbours), ...spread(b, turned)]),
      // With the mirrors: all eight knight's moves.
      8: mix([...spread(a, neighbours), ...spread(b, [...turned, ...mirrored])]),
    };
    for (const size of [2, 4, 8] as const) {
      const calls: { width: number; height: number }[] = [];
      const out = await ensembleSession(lopsided(a, b, calls), size).run(y, w, h);
      expect(maxAbsDiff(out, expected[size]), `ensemble ${size}`).toBeLessThan(1e-6);
      expect(calls.length).toBe(size);
      // Only the transposes (90 and 270 degrees among them) turn the tile on its side.
      expect(calls.filter((c) => c.width === h).length).toBe({ 2: 0, 4: 2, 8: 4 }[size]);
    }
    expect(await ensembleSession(lopsided(a, b), true).run(y, w, h)).toEqual(
      await ensembleSession(lopsided(a, b), 8).run(y, w, h),
    );
  });

  it('equals the plain run for an identity network exactly, and for a symmetric one up to rounding', async () => {
    const y = randomPlane(13, 8, 4);
    const identity = await referenceBackend.createSession(identityWeights(architecture));
    const symmetric = await referenceBackend.createSession(symmetricWeights(7));
    const lopsidedNet = await referenceBackend.createSession(createRandomWeights(7, architecture));
    for (const size of [1, 2, 4, 8] as const) {
      expect(await ensembleSession(identity, size).run(y, 13, 8)).toEqual(await identity.run(y, 13, 8));
      const plain = await symmetric.run(y, 13, 8);
      expect(maxAbsDiff(await ensembleSession(symmetric, size).run(y, 13, 8), plain)).toBeLessThan(1e-5);
    }
    // An ordinary network is not symmetric, so the comparison above could fail.
    const plain = await lopsidedNet.run(y, 13, 8);
    expect(maxAbsDiff(await ensembleSession(lopsidedNet, 8).run(y, 13, 8), plain)).toBeGreaterThan(1e-3);
  });

  it("keeps the session's name, precision, limits and budget, reports every pass and disposes of it", async () => {
    let disposed = 0;
    const inner = { ...lopsided(0, 0), dispose: async () => void disposed++ };
    const passes: [number, number][] = [];
    const session = ensembleSession(inner, 4, (pass, of) => passes.push([pass, of]));
    expect(session).toMatchObject({
      backend: 'lopsided',
      precision: 'f16',
      limits: { maxTileSide: 99 },
      memoryBudget: 1234,
    });
    await session.run(randomPlane(2, 2, 1), 2, 2);
    expect(passes).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    await session.dispose();
    expect(disposed).toBe(1);
  });

  it('stops within one pass once the signal fires, and hands the signal to the session', async () => {
    const controller = new AbortController();
    const signals: (AbortSignal | undefined)[] = [];
    const inner: BackendSession = {
      ...lopsided(0.1, 0),
      async run(y, _w, _h, signal) {
        signals.push(signal);
        if (signals.length === 3) controller.abort();
        return y.slice();
      },
    };
    const run = ensembleSession(inner, 8).run(randomPlane(4, 4, 1), 4, 4, controller.signal);
    await expect(run).rejects.toMatchObject({ code: 'E_ABORTED' });
    expect(signals).toEqual([controller.signal, controller.signal, controller.signal]);
  });

  it('rejects bad arguments with E_ARG and wrong-sized results with E_BACKEND', async () => {
    expect(() => ensembleSession({} as BackendSession, 8)).toThrow('Expected a BackendSession for session');
    expect(() => ensembleSession(lopsided(0, 0), 3 as never)).toThrow(
      expect.objectContaining({ code: 'E_ARG', details: { option: 'ensemble', value: 3 } }),
    );
    expect(() => ensembleSession(lopsided(0, 0), 2, 'log' as never)).toThrow(
      "Expected a function for onPass but received string 'log'",
    );
    const session = ensembleSession(lopsided(0, 0), 2);
    await expect(session.run(new Float32Array(3), 2, 2)).rejects.toMatchObject({ code: 'E_ARG' });
    const liar = ensembleSession({ ...lopsided(0, 0), run: async () => new Float32Array(1) }, 2);
    await expect(liar.run(new Float32Array(4), 2, 2)).rejects.toMatchObject({
      code: 'E_BACKEND',
      message: "Backend 'lopsided' returned Float32Array of length 1 for a 2 x 2 tile",
    });
  });
});
