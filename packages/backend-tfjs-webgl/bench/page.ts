// The browser half of the benchmark: the VDSR network's GFLOP/s on tfjs-webgl, tfjs's wasm backend and
// onnxruntime-web's wasm in the same headless Chromium, on the same tiles. Bundled by browser.bench.ts.

import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { buildVdsrOnnxModel, VDSR_INPUT, VDSR_OUTPUT } from '@vdsr/backend-onnxruntime/web';
import { createTfjsBackend } from '@vdsr/backend-tfjs';
import { createPageTests } from '@vdsr/browser-testing/page';
import { createRandomWeights, describeGraph, VDSR_PAPER } from '@vdsr/core';
import * as ort from 'onnxruntime-web';
import { webglContext, webglRenderer } from '../src/webgl.js';
import { tfjsWebglBackend } from '../src/webgl-backend.js';

export interface BenchRow {
  backend: string;
  size: number;
  ms: number;
  gflops: number;
}

// Small: SwiftShader renders WebGL on the CPU, and this runs on a shared 2-core machine.
const SIZES = [64, 128];
const RUNS = 3;
const { flopsPerPixel } = describeGraph(VDSR_PAPER);
const weights = createRandomWeights(2016, VDSR_PAPER);
const rows: BenchRow[] = [];
const about: Record<string, unknown> = { threads: navigator.hardwareConcurrency };
Object.assign(globalThis, { benchRows: rows, benchAbout: about });

function plane(size: number): Float32Array {
  const data = new Float32Array(size * size);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 7919) % 251) / 255;
  return data;
}

/** Median of RUNS timed runs after one warm-up (which compiles shaders, JITs wasm). */
async function measure(backend: string, run: (y: Float32Array, size: number) => Promise<unknown>) {
  for (const size of SIZES) {
    const y = plane(size);
    await run(y, size);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run(y, size);
      times.push(performance.now() - start);
    }
    const ms = times.sort((a, b) => a - b)[RUNS >> 1]!;
    const row = { backend, size, ms, gflops: (flopsPerPixel * size * size) / ms / 1e6 };
    rows.push(row);
    // Progress for the runner, which prints each row as it comes.
    console.log(`bench-row ${JSON.stringify(row)}`);
  }
}

const { test, expose } = createPageTests();

test.it('tfjs-webgl', async () => {
  const session = await tfjsWebglBackend.createSession(weights);
  const gl = webglContext(tf)!;
  Object.assign(about, {
    renderer: webglRenderer(gl),
    webglVersion: tf.env().getNumber('WEBGL_VERSION'),
    precision: session.precision,
    limits: session.limits,
  });
  await measure('tfjs-webgl', (y, size) => session.run(y, size, size));
  await session.dispose();
});

test.it('tfjs wasm', async () => {
  setWasmPaths('/');
  const backend = createTfjsBackend({ name: 'tfjs-wasm', tf, tfjsBackend: 'wasm' });
  const session = await backend.createSession(weights);
  about.tfjsWasm = {
    simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    threads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  };
  await measure('tfjs wasm', (y, size) => session.run(y, size, size));
  await session.dispose();
});

test.it('onnxruntime-web wasm', async () => {
  ort.env.wasm.wasmPaths = '/';
  ort.env.wasm.numThreads = navigator.hardwareConcurrency;
  const session = await ort.InferenceSession.create(buildVdsrOnnxModel(weights), {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  await measure(`onnxruntime-web wasm (${ort.env.wasm.numThreads} threads)`, async (y, size) => {
    const out = await session.run({ [VDSR_INPUT]: new ort.Tensor('float32', y, [1, 1, size, size]) });
    return out[VDSR_OUTPUT]!.data;
  });
  await session.release();
});

expose();
