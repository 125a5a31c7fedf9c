import { packageConfig } from '../../rollup.shared.mjs';

export default packageConfig({ entries: { index: 'src/index.ts' } });
