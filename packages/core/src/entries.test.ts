import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built package, as users load it (`pnpm test` builds first).
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));
if (!existsSync(dist('testing.cjs'))) {
  throw new Error(
    `These tests read the built package, but ${dist('')} is incomplete: run 'pnpm build' first`,
  );
}

describe('package entries', () => {
  it('share their modules: @vdsr/core/testing throws the VdsrError class of @vdsr/core (ESM and CJS)', async () => {
    const core = await import(dist('index.js'));
    const testing = await import(dist('testing.js'));
    expect(() => testing.randomPlane(0, 1, 1)).toThrow(core.VdsrError);
    const require = createRequire(import.meta.url);
    expect(() => require(dist('testing.cjs')).randomPlane(0, 1, 1)).toThrow(
      require(dist('index.cjs')).VdsrError,
    );
  });
});

describe('one core, however it is loaded', () => {
  it('shares the backend registry between the ESM and CJS builds', async () => {
    const esm = await import(dist('index.js'));
    const require = createRequire(import.meta.url);
    const cjs = require(dist('index.cjs'));
    const cjsBackend = require(dist('backend.cjs'));
    const fast = {
      name: 'from-cjs',
      isAvailable: async () => ({ available: true }),
      createSession: async () => {},
    };
    cjsBackend.registerBackend('from-cjs', () => fast, 50, { source: 'test' });
    expect(esm.listBackends().map((b: { name: string }) => b.name)).toContain('from-cjs');
    expect((await esm.resolveBackend()).name).toBe('from-cjs');
    // Both builds registered their own reference backend factory; the registry kept one entry.
    expect(cjs.listBackends().filter((b: { name: string }) => b.name === 'reference')).toHaveLength(1);
    cjs.unregisterBackend('from-cjs');
    expect((await esm.resolveBackend()).name).toBe('reference');
  });

  it('recognises a VdsrError from either build, with instanceof and isVdsrError', () => {
    const cjs = require_('index.cjs');
    const fromCjs = new cjs.VdsrError('E_ARG', 'x');
    return import(dist('index.js')).then((mod) => {
      expect(fromCjs instanceof mod.VdsrError).toBe(true);
      expect(mod.isVdsrError(fromCjs)).toBe(true);
      expect(new Error('x') instanceof mod.VdsrError).toBe(false);
      expect(mod.isVdsrError({ code: 'E_ARG', name: 'VdsrError' })).toBe(false);
    });
  });
});

function require_(file: string) {
  return createRequire(import.meta.url)(dist(file));
}
