import { packageConfig } from '../../rollup.shared.mjs';

export default packageConfig({ entries: { node: 'src/node.ts', web: 'src/web.ts' } });
