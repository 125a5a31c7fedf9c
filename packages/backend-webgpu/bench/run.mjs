// Our WGSL kernels' GFLOP/s on this machine's WebGPU adapter (Dawn in Node), f32 and f16, at a
// couple of tile sizes; GFLOP per CPU-second too, since a software adapter (lavapipe) runs on the
// CPU that other work shares. Reports; asserts nothing. Run after `build`.
import { cpus, loadavg } from 'node:os';
import { createRandomWeights, describeGraph, VDSR_PAPER } from '@vdsr/core';
import { create } from 'webgpu';
import { describeAdapter, webgpuBackend } from '../dist/node.js';

const SIZES = [32, 64];
const RUNS = 3;

const adapter = await create([]).requestAdapter();
const weights = createRandomWeights(2016, VDSR_PAPER);
const { flopsPerPixel } = describeGraph(VDSR_PAPER);

function plane(width, height) {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 7919) % 251) / 255;
  return data;
}

/** Median wall and CPU time (ms) of `runs` runs after one warm-up (which compiles the kernels). */
async function measure(session, size) {
  const y = plane(size, size);
  await session.run(y, size, size);
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await session.run(y, size, size);
    const used = process.cpuUsage(cpu);
    samples.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1e3 });
  }
  return samples.sort((a, b) => a.wall - b.wall)[RUNS >> 1];
}

const rows = [];
for (const precision of ['f32', 'f16']) {
  const session = await webgpuBackend.createSession(weights, { precision });
  for (const size of SIZES) {
    const { wall, cpu } = await measure(session, size);
    const gflop = (flopsPerPixel * size * size) / 1e9;
    rows.push([
      session.precision,
      `${size} x ${size}`,
      wall.toFixed(0),
      (gflop / (wall / 1e3)).toFixed(2),
      (gflop / (cpu / 1e3)).toFixed(2),
    ]);
  }
  await session.dispose();
}

console.log(
  `adapter: ${describeAdapter(adapter)}; ${cpus().length} CPUs (${cpus()[0]?.model}), load ${loadavg()[0].toFixed(1)}`,
);
const line = (cells) => `| ${cells.join(' | ')} |`;
const header = ['precision', 'tile', 'median ms', 'GFLOP/s', 'GFLOP per CPU-s'];
console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
