// Throughput of the core's own hot paths. Prints a table; never asserts times (machines differ).
import {
  createRandomWeights,
  describeGraph,
  referenceBackend,
  resizePlane,
  VDSR_PAPER,
} from '../dist/index.js';
import { randomPlane } from '../dist/testing.js';

/**
 * Median wall seconds of `runs` calls, and the share of that time this process had a CPU (below 1
 * on a busy machine: read the rates as lower bounds then).
 */
async function time(fn, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await fn();
    const wall = (performance.now() - start) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    samples.push({ wall, cpu: (user + system) / 1e6 / wall });
  }
  return samples.sort((a, b) => a.wall - b.wall)[Math.floor(runs / 2)];
}

function row(name, size, pixels, { wall, cpu }, flopsPerPixel) {
  return {
    case: name,
    size,
    seconds: wall.toPrecision(3),
    'MP/s': (pixels / wall / 1e6).toPrecision(3),
    'GFLOP/s': flopsPerPixel ? ((flopsPerPixel * pixels) / wall / 1e9).toPrecision(3) : '-',
    'CPU share': cpu.toFixed(2),
  };
}

const rows = [];

{
  const size = 256;
  const session = await referenceBackend.createSession(createRandomWeights(2016, VDSR_PAPER));
  await session.run(randomPlane(24, 24, 2), 24, 24); // warm-up: compile the kernel
  const y = randomPlane(size, size, 1);
  const sample = await time(() => session.run(y, size, size), 1);
  const { flopsPerPixel } = describeGraph(VDSR_PAPER);
  rows.push(
    row(
      'reference backend, paper VDSR (20 layers, 64 ch)',
      `${size}x${size} out`,
      size * size,
      sample,
      flopsPerPixel,
    ),
  );
  await session.dispose();
}

{
  const size = 1024;
  const plane = randomPlane(size, size, 3);
  const resize = () => resizePlane(plane, size, size, 2 * size, 2 * size, { x: 2, y: 2 });
  resize();
  const sample = await time(resize, 5);
  rows.push(
    row('bicubic resizePlane x2', `${size}x${size} -> ${2 * size}x${2 * size}`, 4 * size * size, sample),
  );
}

console.log(
  `@vdsr/core bench (node ${process.version}, ${process.platform}-${process.arch}); MP/s counts output pixels`,
);
console.table(rows);
