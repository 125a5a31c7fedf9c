import { defineConfig } from 'vitest/config';

// One project is packed and installed for the whole file (beforeAll); its cases then run one by one.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 600_000 },
});
