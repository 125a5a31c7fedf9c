import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRandomWeights } from '@vdsr/core';
import { backendStatuses } from '../backends.js';
import { type BenchResult, measureBackend } from '../bench/measure.js';
import type { Command, OptionValues } from '../command.js';
import { errorMessage } from '../error-message.js';
import { intOption, listOption, stringOption } from '../option-values.js';
import { RUNTIME_OPTIONS, sessionOptionsFrom } from '../runtime-options.js';
import { formatTable } from '../table.js';
import { loadCliWeights } from '../weights.js';

type BenchLine = ({ available: true } & BenchResult) | { backend: string; available: false; reason: string };

const DEFAULT_SIZE = 128;
const DEFAULT_RUNS = 1;

/** The arguments that make a child process measure one backend exactly as asked here. */
function childArgs(values: OptionValues, backend: string): string[] {
  const args = ['bench', '--json', '--backend', backend];
  for (const name of ['size', 'runs', 'threads', 'weights']) {
    const value = stringOption(values, name);
    if (value !== undefined) args.push(`--${name}`, value);
  }
  for (const entry of listOption(values, 'backend-option')) args.push('--backend-option', entry);
  return args;
}

/**
 * Each backend runs in a child process of its own, so its peak memory is its own and one backend's
 * thread pools cannot slow the next.
 */
async function benchInChild(values: OptionValues, backend: string, signal: AbortSignal): Promise<BenchLine> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [process.argv[1]!, ...childArgs(values, backend)],
      {
        signal,
        maxBuffer: 1 << 20,
      },
    );
    return (JSON.parse(stdout) as BenchLine[])[0]!;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return { backend, available: false, reason: stderr || errorMessage(error) };
  }
}

function formatBench(lines: readonly BenchLine[]): string {
  const rows = lines.map((l) =>
    l.available
      ? [
          l.backend,
          l.megapixelsPerSecond.toPrecision(3),
          l.gflopsPerSecond.toPrecision(3),
          l.peakRssMiB.toFixed(0),
          l.seconds.toFixed(3),
          String(l.runs),
        ]
      : [l.backend, '-', '-', '-', '-', `unavailable: ${l.reason}`],
  );
  const size = lines.find((l) => l.available)?.size;
  const title = size
    ? `2x upscale to ${size} x ${size} (output pixels), mean of the timed runs`
    : 'No backend could run';
  const header = ['backend', 'MP/s', 'GFLOP/s', 'peak RSS MiB', 's/run', 'runs'];
  return `${title}\n${formatTable(header, rows, ['left', 'right', 'right', 'right', 'right', 'left'])}\n`;
}

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Compare the backends available here: throughput (MP/s, GFLOP/s) and peak memory',
  usage: '[--size N] [--json] [--backend NAME] [options]',
  minPositionals: 0,
  maxPositionals: 0,
  options: {
    size: { type: 'string', value: 'N', description: `Output side in pixels (default ${DEFAULT_SIZE})` },
    runs: {
      type: 'string',
      value: 'N',
      description: `Timed runs per backend, at least; more follow until 2 s have passed (default ${DEFAULT_RUNS})`,
    },
    ...RUNTIME_OPTIONS,
    weights: {
      type: 'string',
      value: 'FILE',
      description: "A vdsr weights file (.safetensors); default: random weights of the paper's shape",
    },
    backend: { type: 'string', value: 'NAME', description: 'Measure only this backend, in this process' },
    json: { type: 'boolean', description: 'Print the results as a JSON array on stdout' },
  },
  notes: [
    'Without --weights the network has random weights of the paper shape: speed does not depend on',
    'the values. Each backend runs in its own process, so peak RSS is that backend alone (plus Node).',
    '',
    'Example:',
    '  vdsr bench --size 256',
  ].join('\n'),

  async run({ values }, signal) {
    const size = intOption(values, 'size', 8) ?? DEFAULT_SIZE;
    const runs = intOption(values, 'runs') ?? DEFAULT_RUNS;
    const only = stringOption(values, 'backend');
    // Checked here too, so a mistake is one usage error rather than one per child process.
    const sessionOptions = sessionOptionsFrom(values);
    let lines: BenchLine[];
    if (only !== undefined) {
      const file = stringOption(values, 'weights');
      const weights = file === undefined ? createRandomWeights(1) : await loadCliWeights(file);
      const result = await measureBackend({
        backend: only,
        size,
        weights,
        sessionOptions,
        signal,
        minRuns: runs,
        minSeconds: 2,
      });
      lines = [{ available: true, ...result }];
    } else {
      lines = [];
      for (const status of await backendStatuses()) {
        lines.push(
          status.available
            ? await benchInChild(values, status.name, signal)
            : { backend: status.name, available: false, reason: status.reason ?? 'unavailable' },
        );
      }
    }
    process.stdout.write(values.json === true ? `${JSON.stringify(lines, null, 2)}\n` : formatBench(lines));
    return lines.some((l) => l.available) ? 0 : 1;
  },
};
