import { describe, expect, it } from 'vitest';
import { planTiles, type Rect } from './plan.js';

function covers(rects: Rect[], width: number, height: number): boolean {
  const hits = new Uint8Array(width * height);
  for (const r of rects)
    for (let y = r.y; y < r.y + r.height; y++)
      for (let x = r.x; x < r.x + r.width; x++) hits[y * width + x]!++;
  return hits.every((h) => h === 1);
}

describe('planTiles', () => {
  it('keeps an image that fits the budget whole, with no halo', () => {
    expect(planTiles(300, 200)).toEqual([
      {
        index: 0,
        inner: { x: 0, y: 0, width: 300, height: 200 },
        outer: { x: 0, y: 0, width: 300, height: 200 },
      },
    ]);
  });

  it('splits evenly and grows outer rects by the halo, clipped to the image', () => {
    const tiles = planTiles(10, 7, { tileSize: 4, halo: 2 });
    expect(tiles.map((t) => t.inner)).toEqual([
      { x: 0, y: 0, width: 3, height: 3 },
      { x: 3, y: 0, width: 3, height: 3 },
      { x: 6, y: 0, width: 4, height: 3 },
      { x: 0, y: 3, width: 3, height: 4 },
      { x: 3, y: 3, width: 3, height: 4 },
      { x: 6, y: 3, width: 4, height: 4 },
    ]);
    expect(tiles[4]!.outer).toEqual({ x: 1, y: 1, width: 7, height: 6 });
    expect(tiles[0]!.outer).toEqual({ x: 0, y: 0, width: 5, height: 5 });
    expect(tiles.map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it.each([
    [1, 1, 1],
    [1, 37, 5],
    [37, 1, 5],
    [301, 299, 64],
    [64, 64, 64],
  ])('inner rects partition a %i x %i image with tileSize %i', (width, height, tileSize) => {
    const tiles = planTiles(width, height, { tileSize });
    expect(
      covers(
        tiles.map((t) => t.inner),
        width,
        height,
      ),
    ).toBe(true);
    expect(tiles.every((t) => t.inner.width <= tileSize && t.inner.height <= tileSize)).toBe(true);
  });

  it('sizes tiles from the memory budget: 2 buffers x channels x outer pixels x 4 bytes', () => {
    // 8 channels: 64 bytes an outer pixel; 100 KiB -> 1600 pixels -> 40 x 40 outer -> 20 inner with halo 10.
    const tiles = planTiles(100, 100, { memoryBudget: 1600 * 64, channels: 8, halo: 10 });
    const largest = Math.max(...tiles.map((t) => t.outer.width * t.outer.height));
    expect(largest * 64).toBeLessThanOrEqual(1600 * 64);
    expect(tiles.length).toBe(25);
    expect(
      planTiles(100, 100, { memoryBudget: 1600 * 64, channels: 8, halo: 10, maxTilePixels: 900 }).length,
    ).toBe(100);
  });

  it('throws E_LIMIT when the budget or the pixel cap cannot hold a tile', () => {
    expect(() => planTiles(100, 100, { memoryBudget: 1000 })).toThrow(
      expect.objectContaining({
        code: 'E_LIMIT',
        message:
          'A 1 x 1 tile with its 20 px halo needs 1681 pixels (860672 bytes at 64 channels) but memoryBudget 1000 ' +
          'allows 1; raise it',
        details: { limit: 'memoryBudget', value: 1000, min: 860672 },
      }),
    );
    expect(() => planTiles(100, 100, { maxTileSide: 40 })).toThrow(
      expect.objectContaining({
        code: 'E_LIMIT',
        message:
          'A 1 x 1 tile with its 20 px halo is 41 px square but maxTilePixels unset and maxTileSide 40 do not allow it',
      }),
    );
  });

  it('caps tiles, an explicit tileSize too, to the hard limits maxTilePixels and maxTileSide', () => {
    const outers = (tiles: { outer: { width: number; height: number } }[]) =>
      tiles.map((t) => [t.outer.width, t.outer.height]);
    const capped = planTiles(100, 100, { tileSize: 30, maxTilePixels: 2000 });
    expect(outers(capped).every(([w, h]) => w! * h! <= 2000)).toBe(true);
    const sided = planTiles(1000, 50, { maxTileSide: 300 });
    expect(outers(sided).every(([w, h]) => w! <= 300 && h! <= 300)).toBe(true);
    expect(outers(planTiles(1000, 50, { tileSize: 5000, maxTileSide: 300 })).every(([w]) => w! <= 300)).toBe(
      true,
    );
    // Within the limits the whole image stays one tile.
    expect(planTiles(250, 200, { tileSize: 5000, maxTileSide: 300 }).length).toBe(1);
    expect(planTiles(250, 200, { maxTileSide: 300 }).length).toBe(1);
  });

  it.each([
    [{ tileSize: 0 }, 'Expected a positive integer for tileSize but received number 0'],
    [{ tileSize: 2.5 }, 'Expected a positive integer for tileSize but received number 2.5'],
    [{ halo: -1 }, 'Expected a non-negative integer for halo but received number -1'],
    [{ maxTilePixels: Number.NaN }, 'Expected a positive integer for maxTilePixels but received number NaN'],
    [{ maxTileSide: 0 }, 'Expected a positive integer for maxTileSide but received number 0'],
    [
      { memoryBudget: Number.POSITIVE_INFINITY },
      'Expected a positive finite number of bytes for memoryBudget but received number Infinity',
    ],
    [{ channels: '64' }, "Expected a positive integer for channels but received string '64'"],
  ])('rejects %o with E_ARG', (options, message) => {
    expect(() => planTiles(10, 10, options as never)).toThrow(
      expect.objectContaining({ code: 'E_ARG', message }),
    );
  });

  it('rejects bad sizes and options objects with E_ARG', () => {
    expect(() => planTiles(0, 10)).toThrow('Expected a positive integer for width but received number 0');
    expect(() => planTiles(10, 1.5)).toThrow(
      'Expected a positive integer for height but received number 1.5',
    );
    expect(() => planTiles(10, 10, null as never)).toThrow(
      'Expected an object for options but received null',
    );
  });
});
