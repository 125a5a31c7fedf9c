import type { VdsrImage } from '@vdsr/core';
import type { FormatName } from '@vdsr/sharp';
import sharp from 'sharp';
import { type Crop, columnLeft, compareLayout } from './layout.js';
import { type ColumnLabel, overlaySvg } from './overlay.js';

export interface Column {
  /** At the original's size. */
  readonly image: VdsrImage<Uint8Array>;
  readonly label: ColumnLabel;
}

function fromRaw(image: VdsrImage<Uint8Array>) {
  const { width, height, channels } = image;
  return sharp(image.data, { raw: { width, height, channels } });
}

/**
 * One sheet: a column per image, its label band on top, the full image with the crop outlined,
 * and the crop enlarged below it (nearest neighbour), encoded as `format`.
 */
export async function renderComparison(
  columns: readonly Column[],
  crop: Crop,
  format: FormatName,
): Promise<Buffer> {
  const { width: imageWidth, height: imageHeight } = columns[0]!.image;
  const layout = compareLayout(columns.length, imageWidth, imageHeight, crop);
  const layers = await Promise.all(
    columns.flatMap((column, i) => {
      const left = columnLeft(layout, i);
      const zoomed = fromRaw(column.image)
        .extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height })
        .resize(crop.width * layout.zoom, crop.height * layout.zoom, { kernel: 'nearest' })
        .png()
        .toBuffer();
      return [
        fromRaw(column.image)
          .png()
          .toBuffer()
          .then((input) => ({ input, left, top: layout.labelHeight })),
        zoomed.then((input) => ({ input, left: left + layout.zoomLeft, top: layout.zoomTop })),
      ];
    }),
  );
  const overlay = Buffer.from(
    overlaySvg(
      layout,
      columns.map((c) => c.label),
    ),
  );
  return sharp({ create: { width: layout.width, height: layout.height, channels: 3, background: '#ffffff' } })
    .composite([...layers, { input: overlay, left: 0, top: 0 }])
    .toFormat(format)
    .toBuffer();
}
