import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../backend.js';
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

  // The suite must be able to fail: run it on a backend that is off by 1e-3 and collect the failures.
  it('fails a backend whose outputs drift from the reference', async () => {
    const drifting: Backend = {
      name: 'drifting',
      isAvailable: referenceBackend.isAvailable,
      async createSession(weights, options) {
        const inner = await referenceBackend.createSession(weights, options);
        return {
          backend: 'drifting',
          run: async (...args) => (await inner.run(...args)).map((v) => v + 1e-3),
          dispose: () => inner.dispose(),
        };
      },
    };
    const results: { name: string; passed: boolean }[] = [];
    const pending: Promise<void>[] = [];
    runConformanceSuite({
      name: 'drifting',
      createBackend: () => drifting,
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
    const failed = results.filter((r) => !r.passed).map((r) => r.name);
    expect(failed.sort()).toEqual([
      'gives the same image tiled and untiled through the pipeline',
      'matches the reference on a thin architecture at larger sizes',
      'matches the reference on the paper architecture at 1x1, 1xN, Nx1 and odd sizes',
      'rejects with E_ABORTED on an aborted signal, stops a tiled upscale between tiles, and stays usable',
      'stays correct when one session runs several sizes in turn',
    ]);
    expect(results.length).toBe(8);
  }, 300_000);
});
