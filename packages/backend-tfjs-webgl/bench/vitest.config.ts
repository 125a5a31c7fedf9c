import { defineConfig } from 'vitest/config';

// `pnpm bench` runs the browser benchmark through vitest, which bundles nothing itself here but runs
// the TypeScript of @vdsr/browser-testing; the page is bundled by openPageSuite.
export default defineConfig({ test: { include: ['bench/*.bench.ts'], testTimeout: 1_800_000 } });
