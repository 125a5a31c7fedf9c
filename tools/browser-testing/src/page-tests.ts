// Runs in the browser: a minimal describe/it/expect for test pages, driven from Node by page-suite.ts.
// It satisfies @vdsr/core/testing's ConformanceTestApi, so suites written for it run in a real browser.

export interface PageTestInfo {
  readonly id: number;
  /** Enclosing describe names, outermost first. */
  readonly path: readonly string[];
  readonly name: string;
  readonly timeout?: number;
}

export type PageTestResult = { ok: true } | { ok: false; message: string };

/** What a test page exposes on globalThis[PAGE_TESTS] for the Node side. */
export interface PageTestsHandle {
  list(): PageTestInfo[];
  run(id: number): Promise<PageTestResult>;
  /** Runs the afterAll hooks of every scope that ran; call once, after the last test. */
  finish(): Promise<PageTestResult>;
}

export const PAGE_TESTS = '__vdsrPageTests';

type Body = () => unknown;

interface Scope {
  readonly name: string;
  readonly parent?: Scope;
  readonly beforeAll: Body[];
  readonly afterAll: Body[];
  started: boolean;
}

interface Test extends PageTestInfo {
  readonly body: Body;
  readonly scope: Scope;
}

export interface PageTestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => unknown, timeout?: number): void;
  expect(actual: unknown): { toBe(expected: unknown): void; toEqual(expected: unknown): void };
  beforeAll(body: () => unknown): void;
  afterAll(body: () => unknown): void;
}

function show(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
    return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function scopesOf(scope: Scope): Scope[] {
  const chain: Scope[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) chain.unshift(s);
  return chain;
}

async function outcome(body: () => Promise<unknown>): Promise<PageTestResult> {
  try {
    await body();
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    return { ok: false, message };
  }
}

/** A test API for a page, and `expose()` to call once every suite is registered. */
export function createPageTests(): { test: PageTestApi; expose(): void } {
  const root: Scope = { name: '', beforeAll: [], afterAll: [], started: false };
  const scopes: Scope[] = [root];
  const tests: Test[] = [];
  let current = root;

  const test: PageTestApi = {
    describe(name, body) {
      const scope: Scope = { name, parent: current, beforeAll: [], afterAll: [], started: false };
      scopes.push(scope);
      const outer = current;
      current = scope;
      try {
        body();
      } finally {
        current = outer;
      }
    },
    it(name, body, timeout) {
      const path = scopesOf(current)
        .slice(1)
        .map((s) => s.name);
      tests.push({ id: tests.length, path, name, body, scope: current, ...(timeout && { timeout }) });
    },
    expect(actual) {
      return {
        toBe(expected) {
          if (!Object.is(actual, expected))
            throw new Error(`expected ${show(actual)} to be ${show(expected)}`);
        },
        toEqual(expected) {
          if (!deepEqual(actual, expected))
            throw new Error(`expected ${show(actual)} to equal ${show(expected)}`);
        },
      };
    },
    beforeAll: (body) => current.beforeAll.push(body),
    afterAll: (body) => current.afterAll.push(body),
  };

  const handle: PageTestsHandle = {
    list: () => tests.map(({ id, path, name, timeout }) => ({ id, path, name, ...(timeout && { timeout }) })),
    run: (id) =>
      outcome(async () => {
        const found = tests[id];
        if (!found) throw new Error(`no test ${id} on this page`);
        for (const scope of scopesOf(found.scope)) {
          if (scope.started) continue;
          scope.started = true;
          for (const hook of scope.beforeAll) await hook();
        }
        await found.body();
      }),
    finish: () =>
      outcome(async () => {
        for (const scope of [...scopes].reverse()) {
          if (scope.started || scope === root) for (const hook of scope.afterAll) await hook();
        }
      }),
  };
  return { test, expose: () => Object.assign(globalThis, { [PAGE_TESTS]: handle }) };
}
