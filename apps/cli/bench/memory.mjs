// Peak memory and time of `vdsr upscale` by output size: one child process per size, its peak RSS
// from GNU time (or, without it, from the child's own process.resourceUsage()). Prints a table;
// never asserts (machines differ). The network is a shallow random one (3 layers, 64 channels: the
// paper's width, so tiles and their memory are the paper's) to keep the run short; the pipeline
// (decode, bicubic, colour, tiles, merge, encode) is the shipped one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandomWeights, serializeWeights, VDSR_PAPER } from '@vdsr/core';
import { photoLike } from './inputs.mjs';

const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vdsr-bench-memory-'));
const weights = join(dir, 'shallow.safetensors');
writeFileSync(
  weights,
  await serializeWeights(createRandomWeights(2016, { ...VDSR_PAPER, depth: 3 }), { dtype: 'F32' }),
);

const gnuTime = existsSync('/usr/bin/time');

/** Peak RSS (MiB) and wall seconds of one `vdsr upscale` run. */
function measure(file, extra) {
  const args = [cli, 'upscale', file, '--scale', '2', '-o', join(dir, 'out.png'), '--overwrite'];
  args.push('--weights', weights, '--backend', 'onnxruntime', ...extra);
  const start = performance.now();
  const run = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss_kb %M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(
        process.execPath,
        [
          '--import',
          'data:text/javascript,process.on("exit",()=>console.error("maxrss_kb",process.resourceUsage().maxRSS))',
          ...args,
        ],
        { encoding: 'utf8' },
      );
  const seconds = (performance.now() - start) / 1000;
  const match = /maxrss_kb (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !match) throw new Error(`vdsr upscale failed: ${run.stderr}`);
  return { mib: Number(match[1]) / 1024, seconds };
}

const sizes = [
  [1000, 750],
  [2000, 1500],
  [4000, 3000],
];
const settings = [
  ['default', []],
  // The tiles of the former 1 GiB onnxruntime budget (1408 px inner side).
  ['--tile 1408', ['--tile', '1408']],
];
try {
  const rows = [];
  for (const [width, height] of sizes) {
    const file = await photoLike(dir, width, height);
    for (const [name, extra] of settings) {
      const { mib, seconds } = measure(file, extra);
      rows.push({
        output: `${(4 * width * height) / 1e6} MP`,
        input: `${width}x${height}`,
        tiles: name,
        mib,
        seconds,
        // The machine may be shared: the 1-minute load average as the run ended, next to its figures.
        load: loadavg()[0],
      });
    }
  }
  const at12 = Object.fromEntries(rows.filter((r) => r.output === '12 MP').map((r) => [r.tiles, r.mib]));
  console.log(
    `vdsr upscale --scale 2, RGB PNG in and out, onnxruntime, shallow random net (3 layers, 64 ch); peak RSS via ${gnuTime ? 'GNU time' : 'resourceUsage().maxRSS'}`,
  );
  console.table(
    rows.map((r) => ({
      output: r.output,
      input: r.input,
      tiles: r.tiles,
      'peak RSS (MiB)': r.mib.toFixed(0),
      'vs 12 MP': (r.mib / at12[r.tiles]).toFixed(2),
      seconds: r.seconds.toFixed(1),
      load: r.load.toFixed(1),
    })),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
