// The Node half of `pnpm bench`: the same VDSR graph (the paper's 20 x 64, random weights, same tiles)
// on Dawn's adapter with our WGSL kernels (f32, f16) and @tensorflow/tfjs-backend-webgpu, next to
// onnxruntime-node on the CPU. onnxruntime-web's Node build has no WebGPU provider, so the comparison
// with it runs in headless Chromium (chromium.bench.ts). Reports; asserts nothing. Run after `build`.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { measureAll, NODE_PLAN } from './measure.mjs';
import { nodeCandidates } from './node-candidates.mjs';
import { printTable } from './table.mjs';

console.log(
  `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} ` +
    `at start; median of ${NODE_PLAN.runs} runs after a warm-up, the candidates taking turns`,
);
const { adapter, gpuCandidates, cpuCandidate } = await nodeCandidates();
const rows = await measureAll([...gpuCandidates, cpuCandidate], NODE_PLAN, (text) =>
  console.log(`  ${text}`),
);
const onCpu = (row) => row.label === cpuCandidate.label;
printTable(
  'Node 20, Dawn (the webgpu package)',
  rows.filter((row) => !onCpu(row)).map((row) => ({ ...row, adapter })),
  rows.filter(onCpu),
);
// Dawn's instance keeps Node's event loop alive.
process.exit(0);
