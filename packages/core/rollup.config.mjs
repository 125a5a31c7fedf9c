import { packageConfig } from '../../rollup.shared.mjs';

export default packageConfig({
  entries: { index: 'src/index.ts', backend: 'src/backends/index.ts', testing: 'src/testing/index.ts' },
});
