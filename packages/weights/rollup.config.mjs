import { packageConfig } from '../../rollup.shared.mjs';

// Node users get ESM and CJS; the browser entry is only ever bundled, so ESM suffices.
export default [
  ...packageConfig({ entries: { index: 'src/index.ts' } }),
  ...packageConfig({ entries: { browser: 'src/browser.ts' }, cjs: false }),
];
