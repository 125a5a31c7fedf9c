import { type CompareLayout, columnLeft } from './layout.js';

export interface ColumnLabel {
  readonly title: string;
  /** Second line, e.g. '33.66 dB'; omitted for the original. */
  readonly detail?: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The labels, the crop's outline on each full image and a frame round each zoomed crop, as one SVG. */
export function overlaySvg(layout: CompareLayout, labels: readonly ColumnLabel[]): string {
  const { crop, fontSize, labelHeight, zoom, zoomTop, zoomLeft } = layout;
  const stroke = Math.max(1, Math.round(layout.imageWidth / 256));
  const parts = labels.flatMap((label, column) => {
    const left = columnLeft(layout, column);
    const centre = left + layout.imageWidth / 2;
    const lines = [label.title, label.detail].filter((line): line is string => line !== undefined);
    return [
      ...lines.map(
        (line, i) =>
          `<text x="${centre}" y="${Math.round(fontSize * (1.1 + 1.25 * i))}" font-size="${fontSize}"${i === 0 ? ' font-weight="bold"' : ''}>${escapeXml(line)}</text>`,
      ),
      rect(left + crop.x, labelHeight + crop.y, crop.width, crop.height, stroke),
      rect(left + zoomLeft, zoomTop, crop.width * zoom, crop.height * zoom, stroke),
    ];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}">`,
    '<g font-family="DejaVu Sans, Helvetica, Arial, sans-serif" text-anchor="middle" fill="#111">',
    ...parts,
    '</g>',
    '</svg>',
  ].join('\n');
}

function rect(x: number, y: number, width: number, height: number, stroke: number): string {
  // Drawn inside the region so the outline never covers pixels outside it.
  const half = stroke / 2;
  return `<rect x="${x + half}" y="${y + half}" width="${Math.max(0, width - stroke)}" height="${Math.max(0, height - stroke)}" fill="none" stroke="#e02020" stroke-width="${stroke}"/>`;
}
