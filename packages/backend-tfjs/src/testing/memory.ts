import { type Backend, createRandomWeights, VDSR_PAPER } from '@vdsr/core';
import { type ConformanceTestApi, randomPlane } from '@vdsr/core/testing';
import type { Tf } from '../tf.js';

export interface TfjsMemorySuiteOptions {
  /** The tfjs namespace the backend runs on, whose `memory()` is read. */
  tf: Tf;
  createBackend: () => Backend | Promise<Backend>;
  test: ConformanceTestApi;
}

const TILES = 50;
const SHAPES: [number, number][] = [
  [1, 1],
  [23, 5],
  [7, 19],
  [16, 16],
  [1, 12],
];
const TIMEOUT_MS = 300_000;

/** tfjs's own counters: tensors the engine tracks and the bytes they hold. */
function held(tf: Tf): { numTensors: number; numBytes: number } {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}

/** The code a promise rejects with ('resolved' if it does not). */
const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error?.code ?? String(error),
  );

/**
 * The leak UpscalerJS users met, for a backend made with createTfjsBackend: a session uploads its
 * weights once (two tensors a layer), every tile gives back every tensor it made, and dispose() every
 * tensor the session uploaded. Checked with tfjs's own counters after each of 50 tiles of varied sizes,
 * and after a run aborted once its result was back. Framework-neutral, like the core's conformance suite.
 */
export function runTfjsMemorySuite({ tf, createBackend, test }: TfjsMemorySuiteOptions): void {
  const { describe, it, expect } = test;
  let backend: Promise<Backend> | undefined;
  const getBackend = () => (backend ??= Promise.resolve().then(createBackend));
  const weights = createRandomWeights(7, { ...VDSR_PAPER, channels: 8, depth: 6 });

  describe('tfjs memory', () => {
    it(
      `returns to its starting tensors and bytes after each of ${TILES} tiles and after dispose()`,
      async () => {
        const b = await getBackend();
        // One session first, so that the tfjs backend's one-time setup is not counted as a session's.
        await (await b.createSession(weights)).dispose();
        const start = held(tf);
        const session = await b.createSession(weights);
        const loaded = held(tf);
        expect(loaded.numTensors - start.numTensors).toBe(2 * weights.layers.length);
        const drift: string[] = [];
        for (let i = 0; i < TILES; i++) {
          // Five shapes in turn: enough to catch a leak that depends on the shape, few enough that GPU
          // backends, which compile their programs per shape, spend the time running tiles.
          const [width, height] = SHAPES[i % SHAPES.length]!;
          const out = await session.run(randomPlane(width, height, i), width, height);
          const now = held(tf);
          if (
            out.length !== width * height ||
            now.numTensors !== loaded.numTensors ||
            now.numBytes !== loaded.numBytes
          ) {
            drift.push(`tile ${i} (${width} x ${height}): ${JSON.stringify(now)}`);
          }
        }
        expect(drift).toEqual([]);
        await session.dispose();
        expect(held(tf)).toEqual(start);
      },
      TIMEOUT_MS,
    );

    it(
      'frees the tile tensors of a run aborted while it computed',
      async () => {
        const session = await (await getBackend()).createSession(weights);
        const loaded = held(tf);
        // Not yet aborted when run() and the queued run look, aborted once the result is back.
        let reads = 0;
        const signal = {
          get aborted() {
            return ++reads > 2;
          },
          reason: new Error('stop'),
          addEventListener() {},
          removeEventListener() {},
        } as unknown as AbortSignal;
        expect(await codeOf(session.run(randomPlane(8, 8, 1), 8, 8, signal))).toBe('E_ABORTED');
        expect(reads).toBe(3);
        expect(held(tf)).toEqual(loaded);
        await session.dispose();
      },
      TIMEOUT_MS,
    );
  });
}
