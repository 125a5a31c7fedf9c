import { argError } from '../errors.js';
import type { GraphDescription, GraphLayer } from './describe.js';

/** 665921 -> "665,921", the same in every locale. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function convRows(l: GraphLayer, k: number): string[][] {
  const n = l.index + 1;
  const shape = `H x W x ${l.outChannels}`;
  const rows = [
    [
      `conv_${n}`,
      `Convolution ${l.outChannels} ${k}x${k}x${l.inChannels}, pad ${l.padding}`,
      shape,
      `Weights ${k}x${k}x${l.inChannels}x${l.outChannels}, Bias 1x1x${l.outChannels} (${grouped(l.parameters)})`,
    ],
  ];
  if (l.activation === 'relu') rows.push([`relu_${n}`, 'ReLU', shape, '-']);
  return rows;
}

function isDescription(d: unknown): d is GraphDescription {
  const g = d as Partial<GraphDescription> | null;
  return (
    typeof g === 'object' && g !== null && Array.isArray(g.layers) && g.layers.length > 0 && !!g.architecture
  );
}

/**
 * A plain-text summary in the manner of MATLAB's analyzeNetwork: one row per layer with its type,
 * activation shape (H x W is the input's size: every layer keeps it) and learnables, then totals.
 */
export function formatGraph(desc: GraphDescription): string {
  if (!isDescription(desc)) throw argError('desc', 'a GraphDescription from describeGraph()', desc);
  const { architecture: a, layers } = desc;
  const last = layers[layers.length - 1]!;
  const body = [
    ['input', 'Image input (Y / 255)', 'H x W x 1', '-'],
    ...layers.flatMap((l) => convRows(l, a.kernelSize)),
    ['add', `Addition (input + conv_${last.index + 1})`, 'H x W x 1', '-'],
  ];
  const table = [
    ['#', 'Name', 'Type', 'Activations', 'Learnables'],
    ...body.map((r, i) => [String(i + 1), ...r]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const lines = table.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
  return [
    `VDSR: ${a.depth} convolution layers, ${a.channels} channels, ${a.kernelSize}x${a.kernelSize} kernels, residual`,
    ...lines,
    `Total learnables: ${grouped(desc.parameters)}`,
    `Receptive field: ${desc.receptiveField}x${desc.receptiveField} (${desc.receptiveRadius} px of context per side)`,
    `Work: ${grouped(desc.flopsPerPixel)} FLOPs per output pixel (convolutions, 2 per multiply-accumulate)`,
  ].join('\n');
}
