import { type Align, formatTable } from '../table.js';
import type { EvalRow, Method } from './evaluate.js';

const LABEL: Readonly<Record<Method, string>> = { bicubic: 'bicubic', vdsr: 'VDSR' };

const psnrText = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(2));
const ssimText = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(4));

function header(methods: readonly EvalRow[]): string[] {
  return methods.flatMap((m) => [`${LABEL[m.method]} PSNR`, 'SSIM']);
}

/** Per-image tables for each dataset and scale, then a summary with one line per dataset and scale. */
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
    summaryHeader = ['dataset', 'scale', ...header(methods)];
    summary.push([methods[0]!.dataset, `x${methods[0]!.scale}`, ...cells((m) => m)]);
  }
  const summaryAlign: Align[] = ['left', 'right', ...summaryHeader.slice(2).map((): Align => 'right')];
  sections.push(`Mean luma PSNR (dB) / SSIM\n${formatTable(summaryHeader, summary, summaryAlign)}`);
  return `${sections.join('\n\n')}\n`;
}
