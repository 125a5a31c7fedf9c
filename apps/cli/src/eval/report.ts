import { type Align, formatTable } from '../table.js';
import type { EvalRow } from './evaluate.js';

const label = (row: EvalRow): string =>
  row.method === 'bicubic' ? 'bicubic' : row.method === 'vdsr' ? 'VDSR' : `VDSR ens.${row.transforms}`;

const psnrText = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(2));
const ssimText = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(4));

function header(methods: readonly EvalRow[]): string[] {
  return methods.flatMap((m) => [`${label(m)} PSNR`, 'SSIM']);
}

const timed = (methods: readonly EvalRow[]) => methods.filter((m) => m.seconds !== undefined);

/** The network's total time per method and, with an ensemble, its ratio to plain VDSR. */
function timeLine(rows: readonly EvalRow[]): string | undefined {
  const totals = new Map<string, number>();
  for (const row of timed(rows)) totals.set(label(row), (totals.get(label(row)) ?? 0) + row.seconds!);
  if (totals.size === 0) return undefined;
  const parts = [...totals].map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`);
  const ensemble = rows.find((r) => r.method === 'ensemble');
  const plain = totals.get('VDSR');
  if (ensemble && plain) parts.push(`ratio x${(totals.get(label(ensemble))! / plain).toFixed(2)}`);
  return `Network time: ${parts.join(', ')}`;
}

/**
 * Per-image tables for each dataset and scale, then a summary with one line per dataset and scale
 * (with the network's seconds), then the network's total time.
 */
export function formatEvalReport(rows: readonly EvalRow[]): string {
  const groups = new Map<string, EvalRow[]>();
  for (const row of rows) {
    const key = `${row.dataset} x${row.scale}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const sections: string[] = [];
  const summary: string[][] = [];
  let summaryHeader: string[] = [];
  for (const [key, methods] of groups) {
    const names = methods[0]!.images.map((i) => i.name);
    const cells = (pick: (m: EvalRow) => { psnr: number; ssim: number } | undefined) =>
      methods.flatMap((m) => [psnrText(pick(m)?.psnr), ssimText(pick(m)?.ssim)]);
    const align: Align[] = ['left', ...methods.flatMap((): Align[] => ['right', 'right'])];
    const body = names.map((name) => [name, ...cells((m) => m.images.find((i) => i.name === name))]);
    body.push(['mean', ...cells((m) => m)]);
    sections.push(
      `${key} (${names.length} images)\n${formatTable(['image', ...header(methods)], body, align)}`,
    );
    const seconds = timed(methods);
    summaryHeader = ['dataset', 'scale', ...header(methods), ...seconds.map((m) => `${label(m)} s`)];
    summary.push([
      methods[0]!.dataset,
      `x${methods[0]!.scale}`,
      ...cells((m) => m),
      ...seconds.map((m) => m.seconds!.toFixed(1)),
    ]);
  }
  const summaryAlign: Align[] = ['left', 'right', ...summaryHeader.slice(2).map((): Align => 'right')];
  sections.push(`Mean luma PSNR (dB) / SSIM\n${formatTable(summaryHeader, summary, summaryAlign)}`);
  const time = timeLine(rows);
  if (time) sections.push(time);
  return `${sections.join('\n\n')}\n`;
}
