import { describe, expect, it } from 'vitest';
import { randomPlane } from '../testing/fixtures.js';
import {
  addInverse,
  type Dihedral,
  ENSEMBLE_TRANSFORMS,
  transformedSize,
  transformPlane,
} from './transforms.js';

// A 3 x 2 plane whose values name their pixels: row * 10 + column.
const plane = Float32Array.from([0, 1, 2, 10, 11, 12]);
const name = (t: Dihedral) =>
  `${t.flipRows ? 'R' : ''}${t.flipColumns ? 'C' : ''}${t.transpose ? 'T' : ''}` || 'I';

describe('ENSEMBLE_TRANSFORMS', () => {
  it('moves pixels as the flips and rotations they name', () => {
    const moved = Object.fromEntries(
      ENSEMBLE_TRANSFORMS[8].map((t) => [name(t), [...transformPlane(plane, 3, 2, t)]]),
    );
    expect(moved).toEqual({
      I: [0, 1, 2, 10, 11, 12],
      R: [10, 11, 12, 0, 1, 2],
      C: [2, 1, 0, 12, 11, 10],
      RC: [12, 11, 10, 2, 1, 0],
      // Transposed: 2 wide, 3 high.
      T: [0, 10, 1, 11, 2, 12],
      RT: [10, 0, 11, 1, 12, 2],
      CT: [2, 12, 1, 11, 0, 10],
      RCT: [12, 2, 11, 1, 10, 0],
    });
    expect(ENSEMBLE_TRANSFORMS[8].map((t) => transformedSize(t, 3, 2))).toEqual([
      ...Array(4).fill([3, 2]),
      ...Array(4).fill([2, 3]),
    ]);
  });

  it('nests 1 in 2 in 4 in 8, each a group: composing two of its transforms gives one of its own', () => {
    expect(ENSEMBLE_TRANSFORMS[1].map(name)).toEqual(['I']);
    expect(ENSEMBLE_TRANSFORMS[2].map(name)).toEqual(['I', 'RC']);
    // 90 degrees clockwise, 180, 270.
    expect(ENSEMBLE_TRANSFORMS[4].map(name)).toEqual(['I', 'RT', 'RC', 'CT']);
    const square = randomPlane(5, 5, 1);
    for (const set of Object.values(ENSEMBLE_TRANSFORMS)) {
      const images = set.map((t) => [...transformPlane(square, 5, 5, t)]);
      for (const a of set) {
        for (const b of set) {
          const composed = [...transformPlane(transformPlane(square, 5, 5, a), 5, 5, b)];
          expect(images).toContainEqual(composed);
        }
      }
    }
  });

  it('addInverse puts every transformed pixel back where it came from', () => {
    const source = randomPlane(7, 4, 3);
    for (const t of ENSEMBLE_TRANSFORMS[8]) {
      const sum = new Float64Array(source.length).fill(1);
      addInverse(sum, transformPlane(source, 7, 4, t), 7, 4, t);
      expect(
        Float32Array.from(sum, (v) => v - 1),
        name(t),
      ).toEqual(source);
    }
  });
});
