import { defineConfig } from 'vitest/config';

// The browser half of `pnpm bench` runs through vitest for the TypeScript of @vdsr/browser-testing.
export default defineConfig({
  test: { include: ['bench/*.bench.ts'], testTimeout: 1_800_000, pool: 'forks' },
});
