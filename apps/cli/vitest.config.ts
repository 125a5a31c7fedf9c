import { defineConfig } from 'vitest/config';

// The tests spawn the built CLI; one file at a time keeps the shared 2-core machine responsive.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 120_000, fileParallelism: false },
});
