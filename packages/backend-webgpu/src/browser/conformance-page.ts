// Bundled for headless Chromium by chromium.test.ts: runs the core conformance suite on the web
// entry (the browser's WebGPU) with a minimal describe/it/expect, and reports each test's outcome.
import { runConformanceSuite } from '@vdsr/core/testing';
import { webgpuBackend } from '../web.js';

export interface PageResult {
  name: string;
  error?: string;
  ms: number;
}

type Body = () => Promise<void> | void;
const tests: { name: string; body: Body }[] = [];
const before: Body[] = [];
const after: Body[] = [];
let prefix = '';

function equal(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

function expect(actual: unknown) {
  const fail = (how: string, expected: unknown) => {
    throw new Error(`expected ${JSON.stringify(actual)} ${how} ${JSON.stringify(expected)}`);
  };
  return {
    toBe: (expected: unknown) => {
      if (!Object.is(actual, expected)) fail('to be', expected);
    },
    toEqual: (expected: unknown) => {
      if (!equal(actual, expected)) fail('to equal', expected);
    },
  };
}

runConformanceSuite({
  name: 'webgpu (browser)',
  createBackend: () => webgpuBackend,
  test: {
    describe: (name, body) => {
      const outer = prefix;
      prefix = `${outer}${name} > `;
      body();
      prefix = outer;
    },
    it: (name, body) => {
      tests.push({ name: prefix + name, body });
    },
    expect,
    beforeAll: (body) => {
      before.push(body);
    },
    afterAll: (body) => {
      after.push(body);
    },
  },
});

/** Runs every registered test in order; the page's caller reads the results. */
async function runSuite(): Promise<PageResult[]> {
  for (const body of before) await body();
  const results: PageResult[] = [];
  for (const { name, body } of tests) {
    const start = performance.now();
    try {
      await body();
      results.push({ name, ms: performance.now() - start });
    } catch (error) {
      results.push({ name, error: String((error as Error)?.stack ?? error), ms: performance.now() - start });
    }
  }
  for (const body of after) await body();
  return results;
}

const page = globalThis as { runSuite?: typeof runSuite; availability?: () => Promise<unknown> };
page.runSuite = runSuite;
page.availability = () => webgpuBackend.isAvailable();
