// The VDSR network's GFLOP/s on tfjs's wasm backend in Node, next to onnxruntime-web's wasm
// and onnxruntime-node on the same tiles. Reports; asserts nothing. Run after `build`.
import { availableParallelism, cpus, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { onnxruntimeBackend } from '@vdsr/backend-onnxruntime';
import { onnxruntimeWebBackend } from '@vdsr/backend-onnxruntime/web';
import { createRandomWeights, describeGraph, VDSR_PAPER } from '@vdsr/core';
import { env as ortWebEnv } from 'onnxruntime-web';
import { createTfjsBackend } from '../dist/index.js';

// onnxruntime-web in Node: single-threaded wasm, as its own tests run it.
ortWebEnv.wasm.numThreads = 1;

const SIZES = [128, 256];
const { flopsPerPixel } = describeGraph(VDSR_PAPER);
const weights = createRandomWeights(2016, VDSR_PAPER);

function plane(size) {
  const data = new Float32Array(size * size);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 7919) % 251) / 255;
  return data;
}

/** Median wall time (ms) of `runs` runs after one warm-up. */
async function median(run, runs) {
  await run();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

const candidates = [
  { label: 'tfjs wasm (Node)', backend: createTfjsBackend({ name: 'tfjs-wasm', tf, tfjsBackend: 'wasm' }) },
  { label: 'onnxruntime-web wasm (Node, 1 thread)', backend: onnxruntimeWebBackend },
  { label: `onnxruntime-node (${availableParallelism()} threads)`, backend: onnxruntimeBackend },
];

console.log(
  `${cpus()[0]?.model ?? 'unknown CPU'} (${availableParallelism()} cores), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; tfjs ${tf.version_core}, wasm SIMD ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}, ` +
    `threads ${await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')}\n` +
    `VDSR paper network (random weights): ${(flopsPerPixel / 1e6).toFixed(3)} MFLOP per output pixel\n`,
);
const rows = [];
for (const { label, backend } of candidates) {
  const session = await backend.createSession(weights);
  for (const size of SIZES) {
    const y = plane(size);
    const ms = await median(() => session.run(y, size, size), 3);
    rows.push([
      label,
      `${size} x ${size}`,
      ms.toFixed(0),
      ((flopsPerPixel * size * size) / ms / 1e6).toFixed(2),
    ]);
  }
  await session.dispose();
}
const line = (cells) => `| ${cells.join(' | ')} |`;
const header = ['backend', 'tile', 'network ms (median of 3)', 'GFLOP/s'];
console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
