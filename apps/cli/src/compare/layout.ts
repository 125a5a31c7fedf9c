export interface Crop {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where everything goes on the comparison sheet: one column a method, full image above its zoomed crop. */
export interface CompareLayout {
  readonly columns: number;
  /** Each column is as wide as the image. */
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly gap: number;
  readonly fontSize: number;
  /** Height of the label band above the images. */
  readonly labelHeight: number;
  readonly crop: Crop;
  /** The crop is enlarged this many times (nearest neighbour, so pixels stay visible). */
  readonly zoom: number;
  readonly zoomTop: number;
  /** Offset of the zoomed crop inside its column, to centre it. */
  readonly zoomLeft: number;
  readonly width: number;
  readonly height: number;
}

/** A centred square a quarter of the shorter side (at least 8 px, at most the image). */
export function defaultCrop(width: number, height: number): Crop {
  const side = Math.min(width, height, Math.max(8, Math.round(Math.min(width, height) / 4)));
  return {
    x: Math.floor((width - side) / 2),
    y: Math.floor((height - side) / 2),
    width: side,
    height: side,
  };
}

export function compareLayout(
  columns: number,
  imageWidth: number,
  imageHeight: number,
  crop: Crop,
): CompareLayout {
  const gap = Math.max(4, Math.round(imageWidth / 64));
  // Two label lines ("VDSR", "33.66 dB") must fit the column: about 8 characters across at this size.
  const fontSize = Math.min(24, Math.max(9, Math.floor(imageWidth / 8)));
  const labelHeight = Math.round(fontSize * 2.6);
  const zoom = Math.max(1, Math.floor(Math.min(imageWidth / crop.width, imageHeight / crop.height)));
  const zoomTop = labelHeight + imageHeight + gap;
  return {
    columns,
    imageWidth,
    imageHeight,
    gap,
    fontSize,
    labelHeight,
    crop,
    zoom,
    zoomTop,
    zoomLeft: Math.floor((imageWidth - crop.width * zoom) / 2),
    width: columns * imageWidth + (columns - 1) * gap,
    height: zoomTop + crop.height * zoom,
  };
}

export function columnLeft(layout: CompareLayout, column: number): number {
  return column * (layout.imageWidth + layout.gap);
}
