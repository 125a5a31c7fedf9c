import { describeGraph, formatGraph, VDSR_PAPER, type VdsrWeights } from '@vdsr/core';
import { weightsPath } from '@vdsr/weights';
import { backendStatuses } from '../backends.js';
import type { Command } from '../command.js';
import { errorMessage } from '../error-message.js';
import { stringOption } from '../option-values.js';
import { formatTable } from '../table.js';
import { loadCliWeights } from '../weights.js';

type WeightsInfo =
  | {
      readonly installed: true;
      readonly path: string;
      readonly dtype: string;
      readonly contentSha256: string;
      readonly provenance: Record<string, unknown>;
      readonly metrics: VdsrWeights['metadata']['metrics'];
    }
  | { readonly installed: false; readonly path: string; readonly reason: string };

function weightsInfo(path: string, weights: VdsrWeights): WeightsInfo {
  return {
    installed: true,
    path,
    dtype: weights.dtype,
    contentSha256: weights.contentHash,
    provenance: weights.metadata.provenance,
    metrics: weights.metadata.metrics,
  };
}

function provenanceLines(provenance: Record<string, unknown>): string[] {
  return Object.entries(provenance).map(
    ([key, value]) => `    ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
}

function formatWeights(info: WeightsInfo): string {
  if (!info.installed) return `Weights: none installed\n  ${info.reason}`;
  const lines = [
    `Weights: ${info.path}`,
    `  dtype: ${info.dtype}`,
    `  content sha256: ${info.contentSha256}`,
  ];
  lines.push('  provenance:', ...provenanceLines(info.provenance));
  if (info.metrics.length === 0) return [...lines, '  no measured quality in the file'].join('\n');
  const rows = info.metrics.map((m) => [
    m.dataset,
    `x${m.scale}`,
    m.method === 'ensemble' ? `ensemble of ${m.transforms}` : m.method,
    m.psnr.toFixed(2),
    m.ssim.toFixed(4),
  ]);
  const table = formatTable(['dataset', 'scale', 'method', 'PSNR', 'SSIM'], rows, [
    'left',
    'right',
    'left',
    'right',
    'right',
  ]);
  return [...lines, '', 'Measured quality (luma PSNR dB / SSIM):', table].join('\n');
}

export const infoCommand: Command = {
  name: 'info',
  summary: 'Show the network, the installed weights with their provenance and quality, and the backends',
  usage: '[--json] [--weights FILE]',
  minPositionals: 0,
  maxPositionals: 0,
  options: {
    weights: {
      type: 'string',
      value: 'FILE',
      description: 'Describe this weights file instead of the installed one',
    },
    json: { type: 'boolean', description: 'Print { graph, weights, backends } as JSON on stdout' },
  },
  notes: 'Example:\n  vdsr info',

  async run({ values }) {
    const file = stringOption(values, 'weights');
    const path = file ?? weightsPath;
    let weights: WeightsInfo;
    let architecture = VDSR_PAPER;
    try {
      const loaded = await loadCliWeights(file);
      architecture = loaded.architecture;
      weights = weightsInfo(path, loaded);
    } catch (error) {
      // A file the user named must be readable; the installed weights may legitimately be missing.
      if (file !== undefined) throw error;
      weights = { installed: false, path, reason: errorMessage(error) };
    }
    const graph = describeGraph(architecture);
    const backends = await backendStatuses();
    if (values.json === true) {
      process.stdout.write(`${JSON.stringify({ graph, weights, backends }, null, 2)}\n`);
      return 0;
    }
    const backendRows = backends.map((b) => [
      b.name,
      String(b.priority),
      b.available ? 'available' : 'unavailable',
      b.available ? '' : (b.reason ?? ''),
    ]);
    process.stdout.write(
      [
        formatGraph(graph),
        `  = ${(graph.flopsPerPixel / 1e6).toFixed(2)} MFLOP per output pixel`,
        '',
        formatWeights(weights),
        '',
        "Backends ('auto' picks the available one of highest priority here):",
        formatTable(['backend', 'priority', 'status', 'why not'], backendRows, [
          'left',
          'right',
          'left',
          'left',
        ]),
        '',
      ].join('\n'),
    );
    return 0;
  },
};
