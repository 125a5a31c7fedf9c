import { createRandomWeights, VDSR_PAPER } from '@vdsr/core';
import { webgpuBackend } from '../dist/node.js';

const w = createRandomWeights(1, VDSR_PAPER);
let t = performance.now();
let c = process.cpuUsage();
const lap = (s, flops = 0) => {
  const n = performance.now();
  const cc = process.cpuUsage(c);
  const cpu = (cc.user + cc.system) / 1e3;
  console.log(
    s,
    (n - t).toFixed(0),
    'ms wall',
    cpu.toFixed(0),
    'ms cpu',
    flops ? (flops / cpu / 1e6).toFixed(2) + ' GFLOP/cpu-s' : '',
  );
  t = n;
  c = process.cpuUsage();
};
const s = await webgpuBackend.createSession(w, { precision: process.argv[2] ?? 'f32' });
lap('create ' + s.precision);
for (const [W, H] of [
  [1, 1],
  [32, 32],
  [32, 32],
]) {
  await s.run(new Float32Array(W * H).fill(0.5), W, H);
  lap(`run ${W}x${H}`, W * H * (18 * 64 * 64 * 18 + 2 * 64 * 18));
}
await s.dispose();
