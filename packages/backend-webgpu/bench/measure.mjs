// What the Node and the browser halves of the bench share: the network, the input tile, and how a
// run is timed (median of a few after one warm-up, which compiles the shaders).
import { createRandomWeights, describeGraph, VDSR_PAPER } from '@vdsr/core';

export const SIZES = [32, 64];
export const RUNS = 3;
export const weights = createRandomWeights(2016, VDSR_PAPER);
export const { flopsPerPixel } = describeGraph(VDSR_PAPER);

export function plane(size) {
  const data = new Float32Array(size * size);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 7919) % 251) / 255;
  return data;
}

/**
 * Each backend's median ms per tile size: `{ label, precision, size, ms }` rows. `candidates` are
 * `{ label, backend, options? }`; a session is made once per candidate and disposed after.
 */
export async function measureAll(candidates, log = () => {}) {
  const rows = [];
  for (const { label, backend, options } of candidates) {
    const session = await backend.createSession(weights, options);
    try {
      for (const size of SIZES) {
        const y = plane(size);
        await session.run(y, size, size);
        const times = [];
        for (let i = 0; i < RUNS; i++) {
          const start = performance.now();
          await session.run(y, size, size);
          times.push(performance.now() - start);
        }
        const ms = times.sort((a, b) => a - b)[RUNS >> 1];
        rows.push({ label, precision: session.precision ?? 'f32', size, ms });
        log(`${label} ${size}: ${ms.toFixed(0)} ms`);
      }
    } finally {
      await session.dispose();
    }
  }
  return rows;
}

/** GFLOP/s of a row. */
export function gflops({ size, ms }) {
  return (flopsPerPixel * size * size) / ms / 1e6;
}
