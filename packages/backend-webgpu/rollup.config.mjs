import { packageConfig } from '../../rollup.shared.mjs';

const [code, types] = packageConfig({ entries: { node: 'src/node.ts', web: 'src/web.ts' } });

// The public types name WebGPU's globals (GPUDevice, GPU), which @webgpu/types declares; the
// bundled .d.ts files lose the source's reference to it, so every one of them gets it back.
const reference = '/// <reference types="@webgpu/types" />';
types.output = types.output.map((output) => ({ ...output, banner: reference }));

export default [code, types];
