// What running onnxruntime-node on a worker thread costs against running it on the main thread, and
// what the tile budget costs in time and memory now that a tile no longer holds up Ctrl-C. Reports;
// asserts nothing. Run after `build`.
import { availableParallelism } from 'node:os';
import { createRandomWeights, planTiles, upscale, VDSR_PAPER } from '@vdsr/core';
import * as ort from 'onnxruntime-node';
import { buildVdsrOnnxModel, onnxruntimeBackend, VDSR_INPUT, VDSR_OUTPUT } from '../dist/node.js';
import { fixed, interleaved, load, nodeSessionOptions, plane, table } from './measure.mjs';

const threads = availableParallelism();
const weights = createRandomWeights(2016, VDSR_PAPER);
const MiB = 2 ** 20;

async function workerVersusMainThread() {
  const worker = await onnxruntimeBackend.createSession(weights, { threads });
  const main = await ort.InferenceSession.create(buildVdsrOnnxModel(weights), nodeSessionOptions(threads));
  const [defaultTile] = planTiles(4000, 3000, { memoryBudget: worker.memoryBudget });
  const sides = [defaultTile.outer.width, 1024];
  console.log(`worker thread vs main thread, ${threads} threads, load average ${load()} (before)`);
  const rows = [];
  for (const side of sides) {
    const y = plane(side, side);
    const onMain = async () => {
      const input = new ort.Tensor('float32', y, [1, 1, side, side]);
      return (await main.run({ [VDSR_INPUT]: input }))[VDSR_OUTPUT].data;
    };
    const [w, m] = await interleaved([() => worker.run(y, side, side), onMain], { warmup: 1, runs: 5 });
    rows.push([
      `${side} x ${side}`,
      fixed(m.ms, 0),
      fixed(w.ms, 0),
      `${fixed((100 * w.ms) / m.ms - 100)}%`,
      fixed(m.cpuMs, 0),
      fixed(w.cpuMs, 0),
    ]);
  }
  await worker.dispose();
  await main.release();
  table(['tile', 'main thread ms', 'worker ms', 'worker vs main', 'main CPU ms', 'worker CPU ms'], rows);
  console.log(`medians of 5 in turns; load average ${load()} (after)\n`);
}

/** A 1024 x 1024 output (512 x 512 RGB at scale 2) at each tile budget, the paper's network. */
async function tileBudgets() {
  const budgets = [96, 192, 384];
  const session = await onnxruntimeBackend.createSession(weights, { threads });
  const image = { width: 512, height: 512, channels: 3, data: new Uint8Array(512 * 512 * 3) };
  for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 7919) % 251;
  console.log(`tile budget for a 1024 x 1024 output, ${threads} threads, load average ${load()} (before)`);
  const tasks = budgets.map(
    (mib) => () =>
      upscale(image, { scale: 2 }, { session, architecture: VDSR_PAPER, memoryBudget: mib * MiB }),
  );
  const results = await interleaved(tasks, { warmup: 0, runs: 3 });
  await session.dispose();
  const rows = budgets.map((mib, i) => {
    const tiles = planTiles(1024, 1024, { memoryBudget: mib * MiB });
    const outer = tiles[0].outer;
    const pixels = tiles.reduce((sum, t) => sum + t.outer.width * t.outer.height, 0);
    return [
      `${mib} MiB`,
      `${tiles.length} of ${outer.width} x ${outer.height}`,
      `${fixed((100 * pixels) / 1024 ** 2 - 100)}%`,
      fixed((outer.width * outer.height * 2 * VDSR_PAPER.channels * 4) / MiB, 0),
      fixed(results[i].ms, 0),
      fixed(results[i].cpuMs, 0),
    ];
  });
  table(['budget', 'tiles (first)', 'halo pixels', 'tile activations MiB', 'wall ms', 'CPU ms'], rows);
  console.log(`medians of 3 in turns; load average ${load()} (after)\n`);
}

/**
 * One full tile at each budget, as almost every tile of a large image is: network time per output
 * pixel (the inner square; the halo is recomputed by the neighbours).
 */
async function fullTiles() {
  const budgets = [96, 192, 384];
  const session = await onnxruntimeBackend.createSession(weights, { threads });
  console.log(`full tiles of a large image by budget, ${threads} threads, load average ${load()} (before)`);
  const area = ({ outer }) => outer.width * outer.height;
  const tiles = budgets.map((mib) =>
    planTiles(8000, 6000, { memoryBudget: mib * MiB }).reduce((a, b) => (area(b) > area(a) ? b : a)),
  );
  const tasks = tiles.map(({ outer }) => {
    const y = plane(outer.width, outer.height);
    return () => session.run(y, outer.width, outer.height);
  });
  const results = await interleaved(tasks, { warmup: 0, runs: 3 });
  await session.dispose();
  const perPixel = (i) => results[i].cpuMs / (tiles[i].inner.width * tiles[i].inner.height);
  table(
    ['budget', 'tile (outer)', 'inner', 'wall ms', 'CPU ms', 'CPU µs per output pixel', 'vs 96 MiB'],
    budgets.map((mib, i) => {
      const { outer, inner } = tiles[i];
      return [
        `${mib} MiB`,
        `${outer.width} x ${outer.height}`,
        `${inner.width} x ${inner.height}`,
        fixed(results[i].ms, 0),
        fixed(results[i].cpuMs, 0),
        fixed(1000 * perPixel(i), 2),
        `${fixed((100 * perPixel(i)) / perPixel(0) - 100)}%`,
      ];
    }),
  );
  console.log(`medians of 3 in turns; load average ${load()} (after)\n`);
}

await workerVersusMainThread();
await tileBudgets();
await fullTiles();
