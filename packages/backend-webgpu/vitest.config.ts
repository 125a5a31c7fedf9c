import { defineConfig } from 'vitest/config';

// Forks, not worker threads: Dawn's native module is loaded once per process.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 120_000, pool: 'forks' } });
