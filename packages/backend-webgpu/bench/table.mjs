// The bench's printed table: one row per implementation and tile, with its rate against onnxruntime-node
// on the CPU (which a software adapter such as lavapipe or SwiftShader shares).
import { loadavg } from 'node:os';
import { gflops } from './measure.mjs';

const line = (cells) => `| ${cells.join(' | ')} |`;

/** Prints `rows` ({ adapter, label, precision, size, ms }) under `title`; cpuRows give the ratio column. */
export function printTable(title, rows, cpuRows) {
  const cpuRate = new Map(cpuRows.map((row) => [row.size, gflops(row)]));
  const header = [
    'adapter',
    'implementation',
    'precision',
    'tile',
    'median ms',
    'GFLOP/s',
    'x onnxruntime-node CPU',
  ];
  const cells = (row) => [
    row.adapter,
    row.label,
    row.precision,
    `${row.size} x ${row.size}`,
    row.ms.toFixed(0),
    gflops(row).toFixed(2),
    (gflops(row) / cpuRate.get(row.size)).toFixed(3),
  ];
  console.log(
    [
      `\n${title} (load average ${loadavg()[0].toFixed(1)} at the end)`,
      line(header),
      line(header.map(() => '---')),
      ...[...rows, ...cpuRows.map((row) => ({ ...row, adapter: 'CPU' }))].map((row) => line(cells(row))),
    ].join('\n'),
  );
}
