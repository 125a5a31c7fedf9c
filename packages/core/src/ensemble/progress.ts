import type { Tile } from '../tiling/plan.js';
import type { TileProgress } from '../tiling/run.js';
import type { PassListener } from './session.js';

/**
 * The pass listener for an ensemble session run tile by tile over `tiles` (in order): progress after
 * every pass, each pass counting for its share of its tile's output pixels, so the fraction after a
 * tile's last pass is exactly runTiled's.
 */
export function passProgress(
  tiles: readonly Tile[],
  onProgress: (progress: TileProgress) => void,
): PassListener {
  const total = tiles.reduce((sum, { inner }) => sum + inner.width * inner.height, 0);
  let tile = 0;
  let before = 0;
  let pass = 0;
  return (done, passes) => {
    const { inner } = tiles[tile]!;
    const area = inner.width * inner.height;
    pass++;
    const fraction = (before + (area * done) / passes) / total;
    if (done === passes) {
      before += area;
      tile++;
    }
    onProgress({ fraction, tile, tiles: tiles.length, pass, passes: tiles.length * passes });
  };
}
