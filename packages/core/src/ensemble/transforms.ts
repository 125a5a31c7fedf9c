/**
 * One of the 8 symmetries of the square (the dihedral group): flips first, then the transpose. The
 * same bits as the training's augmentation, so every transform is one the network was trained on.
 */
export interface Dihedral {
  readonly flipRows: boolean;
  readonly flipColumns: boolean;
  readonly transpose: boolean;
}

const d = (flipRows: boolean, flipColumns: boolean, transpose: boolean): Dihedral => ({
  flipRows,
  flipColumns,
  transpose,
});

const IDENTITY = d(false, false, false);
const ROTATE_180 = d(true, true, false);
const FLIP_ROWS = d(true, false, false);
const FLIP_COLUMNS = d(false, true, false);
// A flip then the transpose is a quarter turn: flipping rows gives 90 degrees clockwise.
const ROTATE_90 = d(true, false, true);
const ROTATE_270 = d(false, true, true);

/**
 * The transforms of each ensemble size. Each set is a subgroup, so the averaged network is itself
 * symmetric under its set, and each was the best of its size on Set5 x2 (the core's README has the
 * figures). 2: the point reflection (180 degrees), which reverses every offset of the receptive field
 * at once. 4: the rotations by 0, 90, 180 and 270 degrees, which also swap the roles of rows and
 * columns. 8: all of them.
 */
export const ENSEMBLE_TRANSFORMS: Readonly<Record<1 | 2 | 4 | 8, readonly Dihedral[]>> = {
  1: [IDENTITY],
  2: [IDENTITY, ROTATE_180],
  4: [IDENTITY, ROTATE_90, ROTATE_180, ROTATE_270],
  8: [false, true].flatMap((transpose) =>
    [IDENTITY, FLIP_ROWS, FLIP_COLUMNS, ROTATE_180].map((t) => d(t.flipRows, t.flipColumns, transpose)),
  ),
};

/** The size of a width x height plane after `t`. */
export function transformedSize(t: Dihedral, width: number, height: number): [number, number] {
  return t.transpose ? [height, width] : [width, height];
}

/**
 * Calls visit(to, from) for every pixel: `to` indexes the transformed plane, `from` the original.
 * Gathering through it applies the transform; scattering through it applies the inverse.
 */
function forEachPixel(
  t: Dihedral,
  width: number,
  height: number,
  visit: (to: number, from: number) => void,
): void {
  const [outWidth, outHeight] = transformedSize(t, width, height);
  for (let r = 0, to = 0; r < outHeight; r++) {
    for (let c = 0; c < outWidth; c++, to++) {
      const row = t.transpose ? c : r;
      const column = t.transpose ? r : c;
      const fromRow = t.flipRows ? height - 1 - row : row;
      const fromColumn = t.flipColumns ? width - 1 - column : column;
      visit(to, fromRow * width + fromColumn);
    }
  }
}

/** The plane (width x height, row-major) under `t`, of transformedSize(t, width, height). */
export function transformPlane(
  plane: Float32Array,
  width: number,
  height: number,
  t: Dihedral,
): Float32Array {
  const out = new Float32Array(plane.length);
  forEachPixel(t, width, height, (to, from) => {
    out[to] = plane[from]!;
  });
  return out;
}

/** Adds `transformed` (a plane under `t`) back in the original orientation onto `sum` (width x height). */
export function addInverse(
  sum: Float64Array,
  transformed: Float32Array,
  width: number,
  height: number,
  t: Dihedral,
): void {
  forEachPixel(t, width, height, (to, from) => {
    sum[from]! += transformed[to]!;
  });
}
