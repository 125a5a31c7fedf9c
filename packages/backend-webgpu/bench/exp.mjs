import { loadavg } from 'node:os';
import { createRandomWeights, describeGraph, VDSR_PAPER } from '@vdsr/core';
import { webgpuBackend } from '/work/wt-webgpu-bench/packages/backend-webgpu/dist/node.js';
const size = Number(process.argv[2] ?? 64), precision = process.argv[3] ?? 'f32';
const w = createRandomWeights(2016, VDSR_PAPER);
const { flopsPerPixel } = describeGraph(VDSR_PAPER);
const y = new Float32Array(size*size); for (let i=0;i<y.length;i++) y[i]=((i*7919)%251)/255;
const s = await webgpuBackend.createSession(w, { precision });
let t0 = performance.now(); const ref = await s.run(y,size,size); const compile = performance.now()-t0;
const res=[];
for (let i=0;i<3;i++){ const c=process.cpuUsage(); const t=performance.now(); await s.run(y,size,size); const u=process.cpuUsage(c); res.push([performance.now()-t,(u.user+u.system)/1e3]); }
res.sort((a,b)=>a[0]-b[0]); const [wall,cpu]=res[1]; const g=flopsPerPixel*size*size/1e9;
let sum=0; for (const v of ref) sum+=v;
console.log(`${precision} ${size}: first ${compile.toFixed(0)} ms, wall ${wall.toFixed(0)} ms ${(g/wall*1e3).toFixed(2)} GFLOP/s, cpu ${(g/cpu*1e3).toFixed(2)} GFLOP/CPU-s, load ${loadavg()[0].toFixed(1)} checksum ${sum.toFixed(4)}`);
process.exit(0);
