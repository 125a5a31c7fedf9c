// What the benchmarks share: interleaved timing, tables, test planes, the machine's load.
import { loadavg } from 'node:os';

/**
 * The median run of each task over `runs` rounds after `warmup` rounds: wall ms, CPU ms of the whole
 * process (every thread: the runtime's pool and the session's worker included) and what the task
 * returned. The tasks take turns within a round, so that load from elsewhere on the machine weighs on
 * all of them alike.
 */
export async function interleaved(tasks, { warmup, runs }) {
  for (let i = 0; i < warmup; i++) for (const task of tasks) await task();
  const samples = tasks.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [t, task] of tasks.entries()) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const detail = await task();
      const used = process.cpuUsage(cpu);
      samples[t].push({ ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, detail });
    }
  }
  return samples.map((s) => s.sort((a, b) => a.ms - b.ms)[s.length >> 1]);
}

export const fixed = (v, digits = 1) => v.toFixed(digits);

export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
}

export function plane(width, height) {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 7919) % 251) / 255;
  return data;
}

/** The 1, 5 and 15 minute load averages, to print beside every figure taken on a shared machine. */
export const load = () =>
  loadavg()
    .map((l) => fixed(l, 2))
    .join(' ');

/** onnxruntime-node options as the backend's sessions have them (src/node-backend.ts). */
export const nodeSessionOptions = (threads) => ({
  executionProviders: ['cpu'],
  graphOptimizationLevel: 'all',
  executionMode: 'sequential',
  intraOpNumThreads: threads,
  interOpNumThreads: 1,
  extra: { session: { intra_op: { allow_spinning: '0' } } },
});
