// The network's GFLOP/s on onnxruntime-node beside this machine's fp32 MatMul rate, and the whole
// sharp-to-sharp pipeline against the network alone. Reports; asserts nothing. Run after `build`.
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { createRandomWeights, describeGraph, upscale, VDSR_PAPER } from '@vdsr/core';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { encodeOnnxModel, onnxruntimeBackend } from '../dist/node.js';

const { values } = parseArgs({ options: { threads: { type: 'string' } } });
const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
if (!Number.isInteger(threads) || threads < 1)
  throw new Error(`Expected --threads N (N >= 1) but got ${values.threads}`);

const SIZES = [256, 512, 1024];
const MATMUL = 2048;
const PIPELINE = 1024;

/** Median wall time in ms of `runs` calls after `warmup` calls; `fn` may return extra figures. */
async function median(fn, { warmup = 1, runs = 5 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const detail = await fn();
    samples.push({ ms: performance.now() - start, detail });
  }
  samples.sort((a, b) => a.ms - b.ms);
  return samples[samples.length >> 1];
}

const gflops = (flop, ms) => flop / ms / 1e6;
const fixed = (v, digits = 1) => v.toFixed(digits);
function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
}

function lumaPlane(width, height) {
  const plane = new Float32Array(width * height);
  for (let i = 0; i < plane.length; i++) plane[i] = ((i * 7919) % 251) / 255;
  return plane;
}

/** MatMul rate: C = A.B at n x n x n, B a constant, on the same runtime and thread count. */
async function matmulRate(n) {
  const b = lumaPlane(n, n);
  const model = encodeOnnxModel({
    graph: {
      name: 'matmul',
      nodes: [{ opType: 'MatMul', name: 'matmul', inputs: ['a', 'b'], outputs: ['c'] }],
      initializers: [{ name: 'b', dims: [n, n], data: b }],
      inputs: [{ name: 'a', shape: [n, n] }],
      outputs: [{ name: 'c', shape: [n, n] }],
    },
  });
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
  });
  const a = new ort.Tensor('float32', lumaPlane(n, n), [n, n]);
  const { ms } = await median(() => session.run({ a }), { warmup: 2, runs: 9 });
  await session.release();
  return { ms, rate: gflops(2 * n ** 3, ms) };
}

/** The session with every run timed, to split the pipeline's time into network and the rest. */
function timed(session) {
  const stats = { ms: 0, runs: 0, pixels: 0 };
  return {
    stats,
    session: {
      backend: session.backend,
      async run(y, width, height, signal) {
        const start = performance.now();
        const out = await session.run(y, width, height, signal);
        stats.ms += performance.now() - start;
        stats.runs++;
        stats.pixels += width * height;
        return out;
      },
      dispose: () => session.dispose(),
    },
  };
}

async function main() {
  const { flopsPerPixel } = describeGraph(VDSR_PAPER);
  const weights = createRandomWeights(2016, VDSR_PAPER);
  console.log(
    `onnxruntime-node ${ort.env.versions.node}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${threads} threads; ` +
      `VDSR paper network (random weights), ${fixed(flopsPerPixel / 1e6, 3)} MFLOP per output pixel\n`,
  );
  const mm = await matmulRate(MATMUL);
  const session = await onnxruntimeBackend.createSession(weights, { threads });

  const rows = [];
  const network = {};
  for (const size of SIZES) {
    const y = lumaPlane(size, size);
    const opts = size >= 1024 ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 5 };
    const { ms } = await median(() => session.run(y, size, size), opts);
    network[size] = ms;
    const rate = gflops(flopsPerPixel * size * size, ms);
    rows.push([
      `${size} x ${size}`,
      fixed(ms, 0),
      fixed(rate),
      fixed(mm.rate),
      `${fixed((100 * rate) / mm.rate, 0)}%`,
    ]);
  }
  table(
    ['output', 'network ms (median)', 'network GFLOP/s', `MatMul ${MATMUL}³ GFLOP/s`, 'network / MatMul'],
    rows,
  );
  console.log('\ntarget: network >= 90% of the MatMul rate\n');

  // Whole pipeline at PIPELINE x PIPELINE output: a generated RGB PNG at half size, scale 2.
  const low = PIPELINE / 2;
  const png = await sharp({
    create: {
      width: low,
      height: low,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .png()
    .toBuffer();
  const probe = timed(session);
  const run = await median(
    async () => {
      const t0 = performance.now();
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      const t1 = performance.now();
      probe.stats.ms = 0;
      probe.stats.runs = 0;
      probe.stats.pixels = 0;
      const image = {
        width: info.width,
        height: info.height,
        channels: info.channels,
        data: new Uint8Array(data),
      };
      const out = await upscale(image, { scale: 2 }, { session: probe.session, architecture: VDSR_PAPER });
      const t2 = performance.now();
      await sharp(out.data, { raw: { width: out.width, height: out.height, channels: out.channels } })
        .png()
        .toBuffer();
      const t3 = performance.now();
      return { decode: t1 - t0, upscale: t2 - t1, encode: t3 - t2, ...probe.stats };
    },
    { warmup: 1, runs: 3 },
  );
  await session.dispose();

  const alone = network[PIPELINE];
  const d = run.detail;
  const pct = (ms) => `${fixed((100 * ms) / alone)}%`;
  const halo = (100 * d.pixels) / PIPELINE ** 2 - 100;
  console.log(
    `pipeline at ${PIPELINE} x ${PIPELINE} (PNG ${low} x ${low} RGB, scale 2), the median of 3 runs:\n`,
  );
  table(
    ['stage', 'ms', '% of the network alone'],
    [
      ['sharp decode', fixed(d.decode, 0), pct(d.decode)],
      ['colour, bicubic, tile crops, merge', fixed(d.upscale - d.ms, 0), pct(d.upscale - d.ms)],
      [
        `network in ${d.runs} tiles (${fixed(halo)}% more pixels than the output: halos)`,
        fixed(d.ms, 0),
        pct(d.ms),
      ],
      ['sharp encode (PNG)', fixed(d.encode, 0), pct(d.encode)],
      ['whole pipeline', fixed(run.ms, 0), pct(run.ms)],
      ['network alone, one 1024 x 1024 tile', fixed(alone, 0), '100%'],
    ],
  );
  console.log(`\noverhead: ${fixed((100 * run.ms) / alone - 100)}% (target <= 10%)`);
}

await main();
