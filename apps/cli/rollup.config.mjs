import { packageConfig } from '../../rollup.shared.mjs';

// A command has no importable API, so only the JavaScript build is kept, not the .d.ts one.
const [javascript] = packageConfig({
  entries: { cli: 'src/cli.ts' },
  cjs: false,
  banner: { cli: '#!/usr/bin/env node' },
});

export default javascript;
