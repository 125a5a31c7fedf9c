import {
  type Backend,
  type BackendSession,
  createRandomWeights,
  seededRandom,
  type VdsrError,
} from '@vdsr/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handCheckedOutput, handCheckedTile, handCheckedWeights } from './hand-checked.fixture.js';

function randomTile(width: number, height: number, seed: number): Float32Array {
  const rand = seededRandom(seed);
  return Float32Array.from({ length: width * height }, rand);
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as VdsrError).code;
  }
  return 'no error';
}

function expectClose(actual: Float32Array, expected: ArrayLike<number>) {
  expect(actual).toBeInstanceOf(Float32Array);
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  expect(worst).toBeLessThan(1e-5);
}

/** What both onnxruntime flavours must do beyond the core's conformance suite. */
export function describeOrtBackend(backend: Backend, threads: number) {
  describe(`${backend.name} backend`, () => {
    let session: BackendSession;
    beforeAll(async () => {
      session = await backend.createSession(handCheckedWeights(), { threads });
    });
    afterAll(() => session.dispose());

    it('computes the hand-checked tile', async () => {
      const { y, width, height, expected } = handCheckedTile;
      expectClose(await session.run(y, width, height), expected);
      expectClose(await session.run(y, width, height), handCheckedOutput(y, width, height));
    });

    it('gives each of several concurrent runs its own result', async () => {
      const tiles = [1, 2, 3, 4].map((seed) => randomTile(9 + seed, 7, seed));
      const outputs = await Promise.all(tiles.map((y) => session.run(y, y.length / 7, 7)));
      outputs.forEach((out, i) => {
        expectClose(out, handCheckedOutput(tiles[i]!, tiles[i]!.length / 7, 7));
      });
    });

    it('rejects a non-signal and bad options with E_ARG, inconsistent weights with E_WEIGHTS', async () => {
      const { y, width, height } = handCheckedTile;
      expect(await codeOf(session.run(y, width, height, 'stop' as never))).toBe('E_ARG');
      const weights = handCheckedWeights();
      expect(await codeOf(backend.createSession(weights, { threads: 0 }))).toBe('E_ARG');
      expect(await codeOf(backend.createSession(weights, { threads: 1.5 }))).toBe('E_ARG');
      expect(await codeOf(backend.createSession(weights, 'fast' as never))).toBe('E_ARG');
      const broken = { ...weights, layers: weights.layers.slice(0, 1) };
      expect(await codeOf(backend.createSession(broken))).toBe('E_WEIGHTS');
    });

    it('rejects runs queued before dispose with E_BACKEND, as after it; dispose is idempotent', async () => {
      const own = await backend.createSession(
        createRandomWeights(5, { ...handCheckedWeights().architecture, channels: 4, depth: 3 }),
        { threads },
      );
      const y = randomTile(16, 16, 9);
      const queued = own.run(y, 16, 16);
      const disposed = own.dispose();
      expect(await codeOf(queued)).toBe('E_BACKEND');
      await disposed;
      expect(own.dispose()).toBe(disposed);
      expect(await codeOf(own.run(y, 16, 16))).toBe('E_BACKEND');
    });
  });
}
