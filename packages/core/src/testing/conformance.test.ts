import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend, BackendSession } from '../backend.js';
import { VdsrError } from '../errors.js';
import { referenceBackend } from '../reference/backend.js';
import { runConformanceSuite } from './index.js';

runConformanceSuite({
  name: 'reference',
  createBackend: () => referenceBackend,
  test: { describe, it, expect, beforeAll, afterAll },
});

describe('runConformanceSuite', () => {
  it('rejects bad options with E_ARG', () => {
    const test = { describe, it, expect };
    const create = () => referenceBackend;
    expect(() => runConformanceSuite({ name: '', createBackend: create, test })).toThrow(
      "Expected a non-empty string for options.name but received string ''",
    );
    expect(() => runConformanceSuite({ name: 'x', createBackend: 1 as never, test })).toThrow(
      'Expected a function for options.createBackend but received number 1',
    );
    expect(() => runConformanceSuite({ name: 'x', createBackend: create, tolerance: -1, test })).toThrow(
      'Expected a finite number >= 0 for options.tolerance but received number -1',
    );
    expect(() =>
      runConformanceSuite({ name: 'x', createBackend: create, test: { describe, it } as never }),
    ).toThrow('Expected a function for options.test.expect but received undefined');
  });

  /** The names of the suite's tests that fail on `backend`. */
  async function failures(backend: Backend): Promise<string[]> {
    const results: { name: string; passed: boolean }[] = [];
    const pending: Promise<void>[] = [];
    runConformanceSuite({
      name: backend.name,
      createBackend: () => backend,
      test: {
        describe: (_name, body) => body(),
        it: (name, body) => {
          pending.push(
            body().then(
              () => void results.push({ name, passed: true }),
              () => void results.push({ name, passed: false }),
            ),
          );
        },
        expect,
      },
    });
    await Promise.all(pending);
    expect(results.length).toBe(13);
    return results
      .filter((r) => !r.passed)
      .map((r) => r.name)
      .sort();
  }

  /** The reference backend with each session changed by `wrap`. */
  function altered(name: string, wrap: (inner: BackendSession) => BackendSession): Backend {
    return {
      name,
      isAvailable: referenceBackend.isAvailable,
      async createSession(weights, options) {
        return wrap(await referenceBackend.createSession(weights, options));
      },
    };
  }

  // The suite must be able to fail: run it on a backend that is off by 1e-3 and collect the failures.
  it('fails a backend whose outputs drift from the reference', async () => {
    const drifting = altered('drifting', (inner) => ({
      backend: 'drifting',
      run: async (...args) => (await inner.run(...args)).map((v) => v + 1e-3),
      dispose: () => inner.dispose(),
    }));
    expect(await failures(drifting)).toEqual([
      'gives each of several runs in flight at once on one session its own correct result',
      'gives the same image tiled and untiled through the pipeline',
      'leaves no run going and the session usable after aborts at random points (seeded)',
      'matches the reference on a thin architecture at larger sizes',
      'matches the reference on the paper architecture at 1x1, 1xN, Nx1 and odd sizes',
      'rejects with E_ABORTED on an aborted signal, stops a tiled upscale between tiles, and stays usable',
      'rejects with E_ABORTED when the signal fires during the only tile or the last one',
      'stays correct when one session runs several sizes in turn',
    ]);
  }, 300_000);

  it('takes its tolerance from the declared precision: the same drift passes as f16', async () => {
    const halfish = altered('halfish', (inner) => ({
      backend: 'halfish',
      precision: 'f16',
      run: async (...args) => (await inner.run(...args)).map((v) => v + 1e-3),
      dispose: () => inner.dispose(),
    }));
    expect(await failures(halfish)).toEqual([]);
  }, 300_000);

  it('fails a backend whose runs in flight together share one output buffer', async () => {
    const sharing = altered('sharing', (inner) => {
      let shared = new Float32Array(0);
      return {
        backend: 'sharing',
        async run(...args: Parameters<BackendSession['run']>) {
          const out = await inner.run(...args);
          if (shared.length < out.length) shared = new Float32Array(out.length);
          await new Promise((r) => setTimeout(r, 1));
          const view = shared.subarray(0, out.length);
          view.set(out);
          await new Promise((r) => setTimeout(r, 1));
          return view;
        },
        dispose: () => inner.dispose(),
      };
    });
    expect(await failures(sharing)).toEqual([
      'gives each of several runs in flight at once on one session its own correct result',
    ]);
  }, 300_000);

  it('fails a backend that takes anything for a signal, or declares an unknown precision', async () => {
    const lax = altered('lax', (inner) => ({
      backend: 'lax',
      precision: 'f8' as 'f16',
      run: (y, w, h, signal) => inner.run(y, w, h, signal?.aborted === true ? signal : undefined),
      dispose: () => inner.dispose(),
    }));
    expect(await failures(lax)).toEqual([
      'declares a known precision and well-formed limits',
      'rejects bad tiles and a signal that is not an AbortSignal with E_ARG',
    ]);
  }, 300_000);

  it('fails a backend that still runs what was queued when it was disposed', async () => {
    const finishing = altered('finishing', (inner) => {
      let queue: Promise<unknown> = Promise.resolve();
      let disposed = false;
      return {
        backend: 'finishing',
        run(...args: Parameters<BackendSession['run']>) {
          if (disposed) return Promise.reject(new VdsrError('E_BACKEND', 'disposed'));
          const turn = queue.then(() => inner.run(...args));
          queue = turn.catch(() => undefined);
          return turn;
        },
        dispose() {
          disposed = true;
          return queue.then(() => inner.dispose());
        },
      };
    });
    expect(await failures(finishing)).toEqual([
      'rejects the runs still queued when disposed, with E_BACKEND (the one running may finish)',
    ]);
  }, 300_000);
});
