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
