// What the Node and the browser halves of the bench share: the network, the input tile, and how a
// run is timed (median of a few after one warm-up, which compiles the shaders).
import { createRandomWeights, describeGraph, VDSR_PAPER } from '@vdsr/core';

/** Tile sides and timed runs: each run takes seconds on lavapipe, tens of seconds on SwiftShader. */
export const NODE_PLAN = { sizes: [32, 64], runs: 5 };
export const BROWSER_PLAN = { sizes: [32], runs: 3 };
export const weights = createRandomWeights(2016, VDSR_PAPER);
export const { flopsPerPixel } = describeGraph(VDSR_PAPER);

export function plane(size) {
  const data = new Float32Array(size * size);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 7919) % 251) / 255;
  return data;
}

/**
 * Each backend's median ms per tile size of `plan`: `{ label, precision, size, ms }` rows.
 * `candidates` are `{ label, backend, options? }`, one session each. The timed runs take turns (one run of each
 * candidate per round), so that load from other work on a shared machine falls on all of them alike.
 */
export async function measureAll(candidates, { sizes, runs }, log = () => {}) {
  const sessions = [];
  try {
    for (const { backend, options } of candidates)
      sessions.push(await backend.createSession(weights, options));
    const rows = [];
    for (const size of sizes) {
      const y = plane(size);
      for (const session of sessions) await session.run(y, size, size);
      const times = sessions.map(() => []);
      for (let round = 0; round < runs; round++) {
        for (const [i, session] of sessions.entries()) {
          const start = performance.now();
          await session.run(y, size, size);
          times[i].push(performance.now() - start);
        }
      }
      for (const [i, { label }] of candidates.entries()) {
        const ms = times[i].sort((a, b) => a - b)[runs >> 1];
        rows.push({ label, precision: sessions[i].precision ?? 'f32', size, ms });
        log(`${label} ${sessions[i].precision ?? 'f32'} ${size}: ${ms.toFixed(0)} ms`);
      }
    }
    return rows;
  } finally {
    for (const session of sessions) await session.dispose();
  }
}

/** GFLOP/s of a row. */
export function gflops({ size, ms }) {
  return (flopsPerPixel * size * size) / ms / 1e6;
}
