// The network's GFLOP/s on onnxruntime-node beside this machine's fp32 MatMul rate, and the whole
// sharp-to-sharp pipeline against the network alone. Reports; asserts nothing. Run after `build`.
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { createRandomWeights, describeGraph, upscale, VDSR_PAPER } from '@vdsr/core';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { encodeOnnxModel, onnxruntimeBackend } from '../dist/node.js';
import { fixed, interleaved, load, nodeSessionOptions, plane, table } from './measure.mjs';

const { values } = parseArgs({ options: { threads: { type: 'string' } } });
const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
if (!Number.isInteger(threads) || threads < 1)
  throw new Error(`Expected --threads N (N >= 1) but got ${values.threads}`);

const SIZES = [256, 512, 1024];
const gflops = (flop, ms) => flop / ms / 1e6;
const MATMUL = 2048;
const PIPELINE = 1024;

/** C = A.B at n x n x n with B a constant: the runtime's own best case, same threads. */
async function matmulSession(n) {
  const model = encodeOnnxModel({
    graph: {
      name: 'matmul',
      nodes: [{ opType: 'MatMul', name: 'matmul', inputs: ['a', 'b'], outputs: ['c'] }],
      initializers: [{ name: 'b', dims: [n, n], data: plane(n, n) }],
      inputs: [{ name: 'a', shape: [n, n] }],
      outputs: [{ name: 'c', shape: [n, n] }],
    },
  });
  const session = await ort.InferenceSession.create(model, nodeSessionOptions(threads));
  const a = new ort.Tensor('float32', plane(n, n), [n, n]);
  return { run: () => session.run({ a }), release: () => session.release() };
}

/** The session with every run timed, to split the pipeline's time into network and the rest. */
function timed(session) {
  const stats = { ms: 0, runs: 0, pixels: 0 };
  return {
    stats,
    reset: () => Object.assign(stats, { ms: 0, runs: 0, pixels: 0 }),
    session: {
      backend: session.backend,
      memoryBudget: session.memoryBudget,
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
    `onnxruntime-node ${ort.env.versions.node}, ${cpus()[0]?.model ?? 'unknown CPU'} (${availableParallelism()} cores), ` +
      `${threads} threads, load average ${load()}\nVDSR paper network (random weights): ${fixed(flopsPerPixel / 1e6, 3)} MFLOP per output pixel\n`,
  );
  const matmul = await matmulSession(MATMUL);
  const session = await onnxruntimeBackend.createSession(weights, { threads });

  const rows = [];
  let alone = 0;
  for (const size of SIZES) {
    const y = plane(size, size);
    const rounds = size >= 1024 ? { warmup: 1, runs: 3 } : { warmup: 2, runs: 5 };
    const [mm, net] = await interleaved([matmul.run, () => session.run(y, size, size)], rounds);
    if (size === PIPELINE) alone = net.ms;
    const rate = gflops(flopsPerPixel * size * size, net.ms);
    const mmRate = gflops(2 * MATMUL ** 3, mm.ms);
    rows.push([
      `${size} x ${size}`,
      fixed(net.ms, 0),
      fixed(rate),
      fixed(mmRate),
      `${fixed((100 * rate) / mmRate, 0)}%`,
    ]);
  }
  await matmul.release();
  table(
    ['output', 'network ms (median)', 'network GFLOP/s', `MatMul ${MATMUL}³ GFLOP/s`, 'network / MatMul'],
    rows,
  );
  console.log('\nMatMul measured in turns with the network; target: network >= 90% of the MatMul rate\n');

  // The whole pipeline at PIPELINE x PIPELINE output: a generated RGB PNG at half size, scale 2.
  const low = PIPELINE / 2;
  const noise = { type: 'gaussian', mean: 128, sigma: 40 };
  const png = await sharp({ create: { width: low, height: low, channels: 3, background: '#808080', noise } })
    .png()
    .toBuffer();
  const probe = timed(session);
  const y = plane(PIPELINE, PIPELINE);
  const [pipeline, network] = await interleaved(
    [
      async () => {
        const t0 = performance.now();
        const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
        const t1 = performance.now();
        probe.reset();
        // A plain Uint8Array view: the pipeline answers in the input's array type.
        const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length);
        const image = { width: info.width, height: info.height, channels: info.channels, data: pixels };
        const out = await upscale(image, { scale: 2 }, { session: probe.session, architecture: VDSR_PAPER });
        const t2 = performance.now();
        await sharp(out.data, { raw: { width: out.width, height: out.height, channels: out.channels } })
          .png()
          .toBuffer();
        const t3 = performance.now();
        return { decode: t1 - t0, upscale: t2 - t1, encode: t3 - t2, ...probe.stats };
      },
      () => session.run(y, PIPELINE, PIPELINE),
    ],
    { warmup: 1, runs: 3 },
  );
  await session.dispose();

  const d = pipeline.detail;
  const pct = (ms) => `${fixed((100 * ms) / network.ms)}%`;
  const halo = (100 * d.pixels) / PIPELINE ** 2 - 100;
  console.log(
    `pipeline at ${PIPELINE} x ${PIPELINE} (PNG ${low} x ${low} RGB, scale 2), in turns with the network alone; medians of 3:\n`,
  );
  table(
    ['stage', 'ms', '% of the network alone'],
    [
      ['sharp decode', fixed(d.decode, 0), pct(d.decode)],
      ['colour, bicubic, tile crops, merge', fixed(d.upscale - d.ms, 0), pct(d.upscale - d.ms)],
      [
        `network in ${d.runs} tile${d.runs === 1 ? '' : 's'} (${fixed(halo)}% more pixels than the output: halos)`,
        fixed(d.ms, 0),
        pct(d.ms),
      ],
      ['sharp encode (PNG)', fixed(d.encode, 0), pct(d.encode)],
      ['whole pipeline', fixed(pipeline.ms, 0), pct(pipeline.ms)],
      [`network alone, one ${PIPELINE} x ${PIPELINE} tile`, fixed(network.ms, 0), '100%'],
    ],
  );
  const outside = pipeline.ms - d.ms;
  console.log(
    `\noverhead vs the network alone: ${fixed((100 * pipeline.ms) / network.ms - 100)}% (target <= 10%); ` +
      `time outside the network: ${fixed(outside, 0)} ms = ${fixed((100 * outside) / pipeline.ms)}% of the pipeline` +
      `\n(the first table's ${PIPELINE} x ${PIPELINE} network median was ${fixed(alone, 0)} ms)`,
  );
}

await main();
