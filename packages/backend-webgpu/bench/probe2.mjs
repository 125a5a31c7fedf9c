import { createRandomWeights, VDSR_PAPER } from '@vdsr/core';
import { webgpuBackend } from '../dist/node.js';

const arch = { ...VDSR_PAPER, channels: Number(process.argv[2] ?? 8) };
const w = createRandomWeights(41, arch);
let t = performance.now();
let c = process.cpuUsage();
const lap = (s) => {
  const n = performance.now();
  const cc = process.cpuUsage(c);
  const cpu = (cc.user + cc.system) / 1e3;
  console.log(s, (n - t).toFixed(0), 'ms wall', cpu.toFixed(0), 'ms cpu');
  t = n;
  c = process.cpuUsage();
};
const s = await webgpuBackend.createSession(w);
lap('create ' + s.precision);
for (const [W, H] of JSON.parse(process.argv[3] ?? '[[64,48],[131,97],[1,120],[120,1]]')) {
  await s.run(new Float32Array(W * H).fill(0.5), W, H);
  lap(`run ${W}x${H}`);
}
await s.dispose();
