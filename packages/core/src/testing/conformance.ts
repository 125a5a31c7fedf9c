import type { Backend, BackendSession, Precision } from '../backend.js';
import { argError } from '../errors.js';
import { VDSR_PAPER, type VdsrArchitecture } from '../graph/architecture.js';
import { upscale } from '../pipeline/upscale.js';
import { referenceBackend } from '../reference/backend.js';
import { createRandomWeights, seededRandom } from '../weights/random.js';
import type { VdsrWeights } from '../weights/types.js';
import { maxAbsDiff, randomImage, randomPlane } from './fixtures.js';

/** The few matchers the suite uses; vitest's and jest's expect satisfy it. */
export interface ConformanceMatchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
}

/** The test framework, passed in so that @vdsr/core keeps no dependency on one. */
export interface ConformanceTestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeout?: number): void;
  expect(actual: unknown): ConformanceMatchers;
  beforeAll?(body: () => Promise<void>, timeout?: number): void;
  afterAll?(body: () => Promise<void>, timeout?: number): void;
}

export interface ConformanceOptions {
  /** Shown in the suite's title. */
  name: string;
  createBackend: () => Backend | Promise<Backend>;
  /**
   * Largest accepted difference from the reference backend on the network's Y / 255 scale. Default:
   * PRECISION_TOLERANCE for the precision the session declares.
   */
  tolerance?: number;
  test: ConformanceTestApi;
}

/** The paper's network at small sizes (the real cost per pixel), a thin one at larger sizes. */
const PAPER = createRandomWeights(2016, VDSR_PAPER);
const THIN_ARCHITECTURE: VdsrArchitecture = { ...VDSR_PAPER, channels: 8 };
const THIN = createRandomWeights(41, THIN_ARCHITECTURE);
const PAPER_SIZES: [number, number][] = [
  [1, 1],
  [1, 9],
  [9, 1],
  [2, 2],
  [7, 5],
  [15, 13],
];
const THIN_SIZES: [number, number][] = [
  [64, 48],
  [131, 97],
  [1, 120],
  [120, 1],
];
const TIMEOUT_MS = 300_000;

/**
 * Default tolerances by declared precision, on the Y / 255 scale, against the reference's float32
 * activations with float64 sums over 20 layers of seeded random weights. f32: summation order alone
 * (measured below 1e-5 on onnxruntime). f16: a half has an 11-bit significand (relative step 4.9e-4)
 * and the error compounds through 20 layers; 1e-2 is 2.55 grey levels of 255. int8: 8-bit steps.
 */
export const PRECISION_TOLERANCE: Readonly<Record<Precision, number>> = Object.freeze({
  f32: 1e-4,
  f16: 1e-2,
  int8: 5e-2,
});

function checkOptions(options: ConformanceOptions): void {
  if (typeof options !== 'object' || options === null) throw argError('options', 'an object', options);
  const { name, createBackend, tolerance, test } = options;
  if (typeof name !== 'string' || name === '') throw argError('options.name', 'a non-empty string', name);
  if (typeof createBackend !== 'function')
    throw argError('options.createBackend', 'a function', createBackend);
  if (
    tolerance !== undefined &&
    !(typeof tolerance === 'number' && tolerance >= 0 && Number.isFinite(tolerance))
  ) {
    throw argError('options.tolerance', 'a finite number >= 0', tolerance);
  }
  for (const key of ['describe', 'it', 'expect'] as const) {
    if (typeof test?.[key] !== 'function') throw argError(`options.test.${key}`, 'a function', test?.[key]);
  }
}

/** The error code a promise rejects with ('resolved' if it does not). */
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/** A session that counts its runs, to see where an abort stopped the pipeline. */
function counting(session: BackendSession): BackendSession & { runs: number } {
  const counted = {
    backend: session.backend,
    precision: session.precision,
    limits: session.limits,
    memoryBudget: session.memoryBudget,
    runs: 0,
    run: (...args: Parameters<BackendSession['run']>) => {
      counted.runs++;
      return session.run(...args);
    },
    dispose: () => session.dispose(),
  };
  return counted;
}

/**
 * Registers a test suite that every vdsr backend must pass, run against the reference backend on the
 * same seeded weights and inputs: outputs within `tolerance` at 1x1, 1xN, Nx1 and odd sizes, a session
 * reused across sizes, tiled == untiled through the pipeline, E_ARG on bad tiles, E_ABORTED on abort
 * (with the session still usable) even during the only or last tile, E_BACKEND for the runs still
 * queued at dispose, idempotent dispose and E_BACKEND after it, and isAvailable.
 */
export function runConformanceSuite(options: ConformanceOptions): void {
  checkOptions(options);
  const { name, createBackend, test } = options;
  const toleranceOf = (session: BackendSession) =>
    options.tolerance ?? PRECISION_TOLERANCE[session.precision ?? 'f32'] ?? PRECISION_TOLERANCE.f32;
  const { describe, it, expect } = test;
  let backend: Promise<Backend> | undefined;
  const getBackend = () => (backend ??= Promise.resolve().then(createBackend));
  const references = new Map<VdsrWeights, Promise<BackendSession>>();
  const reference = (weights: VdsrWeights) => {
    let session = references.get(weights);
    if (!session) {
      session = referenceBackend.createSession(weights);
      references.set(weights, session);
    }
    return session;
  };
  test.afterAll?.(async () => {
    for (const session of references.values()) await (await session).dispose();
  });

  /** Runs `body` on a fresh session of `weights`, disposing it afterwards whatever happens. */
  async function withSession(
    weights: VdsrWeights,
    body: (session: BackendSession) => Promise<void>,
  ): Promise<void> {
    const session = await (await getBackend()).createSession(weights);
    try {
      await body(session);
    } finally {
      await session.dispose();
    }
  }

  /** Differences beyond tolerance, by size: [] when the backend conforms (and a readable failure if not). */
  async function mismatches(session: BackendSession, weights: VdsrWeights, sizes: [number, number][]) {
    const bad: { size: string; maxAbsDiff: number }[] = [];
    for (const [width, height] of sizes) {
      const y = randomPlane(width, height, width * 1000 + height);
      const expected = await (await reference(weights)).run(y, width, height);
      const actual = await session.run(y, width, height);
      const diff = actual instanceof Float32Array ? maxAbsDiff(actual, expected) : Number.POSITIVE_INFINITY;
      if (!(diff <= toleranceOf(session))) bad.push({ size: `${width}x${height}`, maxAbsDiff: diff });
    }
    return bad;
  }

  describe(`${name} conforms to the vdsr backend contract`, () => {
    it('has a name, reports availability, and is available here', async () => {
      const b = await getBackend();
      expect(typeof b.name === 'string' && b.name.length > 0).toBe(true);
      const { available, reason } = await b.isAvailable();
      expect(typeof available).toBe('boolean');
      expect(available ? 'available' : `unavailable: ${reason}`).toBe('available');
      await withSession(THIN, async (session) => expect(session.backend).toBe(b.name));
    });

    it(
      'matches the reference on the paper architecture at 1x1, 1xN, Nx1 and odd sizes',
      async () => {
        await withSession(PAPER, async (session) =>
          expect(await mismatches(session, PAPER, PAPER_SIZES)).toEqual([]),
        );
      },
      TIMEOUT_MS,
    );

    it(
      'matches the reference on a thin architecture at larger sizes',
      async () => {
        await withSession(THIN, async (session) =>
          expect(await mismatches(session, THIN, THIN_SIZES)).toEqual([]),
        );
      },
      TIMEOUT_MS,
    );

    it(
      'stays correct when one session runs several sizes in turn',
      async () => {
        await withSession(THIN, async (session) => {
          const sizes: [number, number][] = [
            [33, 17],
            [5, 40],
            [33, 17],
            [1, 1],
            [5, 40],
          ];
          expect(await mismatches(session, THIN, sizes)).toEqual([]);
        });
      },
      TIMEOUT_MS,
    );

    it(
      'gives the same image tiled and untiled through the pipeline',
      async () => {
        const image = randomImage(48, 37, 3, 7, true);
        const refSession = await reference(THIN);
        const expected = await upscale(
          image,
          { scale: 2 },
          { session: refSession, architecture: THIN_ARCHITECTURE },
        );
        await withSession(THIN, async (session) => {
          const whole = await upscale(image, { scale: 2 }, { session, architecture: THIN_ARCHITECTURE });
          const tiled = await upscale(
            image,
            { scale: 2 },
            { session, architecture: THIN_ARCHITECTURE, tileSize: 32 },
          );
          const tolerance = toleranceOf(session);
          expect({
            tiledVsUntiled: maxAbsDiff(tiled.data, whole.data) <= tolerance * 255,
            untiledVsReference: maxAbsDiff(whole.data, expected.data) <= tolerance * 255,
          }).toEqual({ tiledVsUntiled: true, untiledVsReference: true });
        });
      },
      TIMEOUT_MS,
    );

    it('declares a known precision and well-formed limits', async () => {
      await withSession(THIN, async (session) => {
        const { precision = 'f32', limits = {} } = session;
        const positive = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) > 0);
        expect({
          precision: ['f32', 'f16', 'int8'].includes(precision),
          maxTilePixels: positive(limits.maxTilePixels),
          maxTileSide: positive(limits.maxTileSide),
        }).toEqual({ precision: true, maxTilePixels: true, maxTileSide: true });
      });
    });

    it(
      'gives each of several runs in flight at once on one session its own correct result',
      async () => {
        await withSession(THIN, async (session) => {
          const sizes: [number, number][] = [
            [23, 11],
            [9, 30],
            [23, 11],
            [16, 16],
          ];
          const inputs = sizes.map(([w, h], i) => randomPlane(w, h, 500 + i));
          const outputs = await Promise.all(inputs.map((y, i) => session.run(y, sizes[i]![0], sizes[i]![1])));
          const diffs: number[] = [];
          for (let i = 0; i < sizes.length; i++) {
            const [w, h] = sizes[i]!;
            const expected = await (await reference(THIN)).run(inputs[i]!, w, h);
            diffs.push(maxAbsDiff(outputs[i]!, expected));
          }
          expect(diffs.filter((d) => !(d <= toleranceOf(session)))).toEqual([]);
        });
      },
      TIMEOUT_MS,
    );

    it('rejects bad tiles and a signal that is not an AbortSignal with E_ARG', async () => {
      await withSession(THIN, async (session) => {
        expect(await rejection(session.run(new Float32Array(5), 2, 3))).toBe('E_ARG');
        expect(await rejection(session.run(new Float32Array(0), 0, 0))).toBe('E_ARG');
        expect(await rejection(session.run([0.5] as unknown as Float32Array, 1, 1))).toBe('E_ARG');
        const notASignal = { aborted: 'no' } as unknown as AbortSignal;
        expect(await rejection(session.run(randomPlane(2, 2, 3), 2, 2, notASignal))).toBe('E_ARG');
      });
    });

    it(
      'rejects with E_ABORTED on an aborted signal, stops a tiled upscale between tiles, and stays usable',
      async () => {
        await withSession(THIN, async (session) => {
          expect(await rejection(session.run(randomPlane(8, 8, 1), 8, 8, AbortSignal.abort()))).toBe(
            'E_ABORTED',
          );
          const counted = counting(session);
          const controller = new AbortController();
          const upscaling = upscale(
            randomImage(40, 40, 1, 2),
            { scale: 2 },
            {
              session: counted,
              architecture: THIN_ARCHITECTURE,
              tileSize: 20,
              signal: controller.signal,
              onProgress: () => controller.abort(),
            },
          );
          expect(await rejection(upscaling)).toBe('E_ABORTED');
          expect(counted.runs).toBe(1);
          expect(await mismatches(session, THIN, [[21, 19]])).toEqual([]);
        });
      },
      TIMEOUT_MS,
    );

    it(
      'rejects with E_ABORTED when the signal fires during the only tile or the last one',
      async () => {
        await withSession(THIN, async (session) => {
          const controller = new AbortController();
          // Fires once the backend has returned the only tile, past its own checks.
          const abortingOnRun: BackendSession = {
            ...counting(session),
            run: async (...args) => {
              const out = await session.run(...args);
              controller.abort();
              return out;
            },
          };
          const only = upscale(
            randomImage(20, 20, 3, 4),
            { scale: 2 },
            { session: abortingOnRun, architecture: THIN_ARCHITECTURE, signal: controller.signal },
          );
          expect(await rejection(only)).toBe('E_ABORTED');
          const last = new AbortController();
          const tiled = upscale(
            randomImage(20, 20, 3, 4),
            { scale: 2 },
            {
              session,
              architecture: THIN_ARCHITECTURE,
              tileSize: 20,
              signal: last.signal,
              onProgress: (p) => {
                if (p.tile === p.tiles) last.abort();
              },
            },
          );
          expect(await rejection(tiled)).toBe('E_ABORTED');
          expect(await mismatches(session, THIN, [[12, 9]])).toEqual([]);
        });
      },
      TIMEOUT_MS,
    );

    it(
      'leaves no run going and the session usable after aborts at random points (seeded)',
      async () => {
        await withSession(THIN, async (session) => {
          const rand = seededRandom(1511);
          let inFlight = 0;
          const tracked: BackendSession = {
            ...counting(session),
            run: async (...args) => {
              inFlight++;
              try {
                return await session.run(...args);
              } finally {
                inFlight--;
              }
            },
          };
          const outcomes: string[] = [];
          for (let i = 0; i < 8; i++) {
            const controller = new AbortController();
            const abortAfterRuns = Math.floor(rand() * 4);
            let runs = 0;
            const aborting: BackendSession = {
              ...tracked,
              run: (...args) => {
                const running = tracked.run(...args);
                if (runs++ === abortAfterRuns) controller.abort();
                return running;
              },
            };
            const size = 16 + Math.floor(rand() * 40);
            let abortedFirst = false;
            const upscaling = upscale(
              randomImage(size, size - 5, 3, i),
              { scale: 1.5 + rand() },
              {
                session: aborting,
                architecture: THIN_ARCHITECTURE,
                tileSize: 16 + Math.floor(rand() * 16),
                signal: controller.signal,
              },
            ).finally(() => {
              abortedFirst = controller.signal.aborted;
            });
            if (rand() < 0.3) setTimeout(() => controller.abort(), rand() * 5);
            const outcome = await rejection(upscaling);
            // Resolving is right only when the abort came after the result.
            outcomes.push(outcome === 'resolved' && abortedFirst ? 'resolved although aborted' : outcome);
            for (let waited = 0; inFlight > 0 && waited < 100; waited++) {
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
            if (inFlight > 0) outcomes.push(`${inFlight} runs still going 2 s after the abort`);
          }
          expect(outcomes.filter((o) => o !== 'E_ABORTED' && o !== 'resolved')).toEqual([]);
          expect(outcomes.filter((o) => o === 'E_ABORTED').length > 2).toBe(true);
          expect(await mismatches(session, THIN, [[21, 19]])).toEqual([]);
        });
      },
      TIMEOUT_MS,
    );

    it(
      'rejects the runs still queued when disposed, with E_BACKEND (the one running may finish)',
      async () => {
        const session = await (await getBackend()).createSession(THIN);
        const runs = [0, 1, 2].map((i) => rejection(session.run(randomPlane(40, 30, i), 40, 30)));
        await session.dispose();
        const [first, ...queued] = await Promise.all(runs);
        expect({ first: ['resolved', 'E_BACKEND'].includes(first!), queued }).toEqual({
          first: true,
          queued: ['E_BACKEND', 'E_BACKEND'],
        });
      },
      TIMEOUT_MS,
    );

    it('disposes idempotently and rejects runs after dispose with E_BACKEND', async () => {
      const session = await (await getBackend()).createSession(THIN);
      await session.dispose();
      await session.dispose();
      expect(await rejection(session.run(randomPlane(4, 4, 1), 4, 4))).toBe('E_BACKEND');
    });
  });
}
