import { defineConfig } from 'vitest/config';

// Each file builds a fixture with real Vite builds and onnxruntime: one file at a time keeps the
// 2-core CI machine from running several networks at once.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
});
