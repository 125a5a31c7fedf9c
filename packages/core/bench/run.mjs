// Throughput of the core's own hot paths. Prints a table; never asserts times (machines differ).
import {
  createRandomWeights,
  describeGraph,
  referenceBackend,
  resizePlane,
  VDSR_PAPER,
} from '../dist/index.js';
import { randomPlane } from '../dist/testing.js';

/** Median seconds of `runs` calls after one warm-up call. */
async function time(fn, runs) {
  await fn();
  const seconds = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const rows = [];

{
  const size = 256;
  const weights = createRandomWeights(2016, VDSR_PAPER);
  const { flopsPerPixel } = describeGraph(VDSR_PAPER);
  const session = await referenceBackend.createSession(weights);
  const y = randomPlane(size, size, 1);
  const warm = randomPlane(24, 24, 2);
  await session.run(warm, 24, 24);
  const seconds = await time(() => session.run(y, size, size), 1);
  const pixels = size * size;
  rows.push({
    case: 'reference backend, paper VDSR (20 x 64ch)',
    size: `${size}x${size} out`,
    seconds: seconds.toFixed(2),
    'MP/s': (pixels / seconds / 1e6).toFixed(4),
    'GFLOP/s': ((flopsPerPixel * pixels) / seconds / 1e9).toFixed(2),
  });
  await session.dispose();
}

{
  const size = 1024;
  const plane = randomPlane(size, size, 3);
  const seconds = await time(() => resizePlane(plane, size, size, 2 * size, 2 * size, { x: 2, y: 2 }), 5);
  rows.push({
    case: 'bicubic resizePlane x2',
    size: `${size}x${size} -> ${2 * size}x${2 * size}`,
    seconds: seconds.toFixed(3),
    'MP/s': ((4 * size * size) / seconds / 1e6).toFixed(1),
    'GFLOP/s': '-',
  });
}

console.log(
  `@vdsr/core bench (node ${process.version}, ${process.platform}-${process.arch}); MP/s counts output pixels`,
);
console.table(rows);
