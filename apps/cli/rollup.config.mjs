import { packageConfig } from '../../rollup.shared.mjs';

export default packageConfig({
  entries: { cli: 'src/cli.ts' },
  cjs: false,
  banner: { cli: '#!/usr/bin/env node' },
});
