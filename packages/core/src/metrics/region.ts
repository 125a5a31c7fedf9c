import { assertPositiveInt } from '../checks.js';
import { argError, VdsrError } from '../errors.js';

/** The part of a plane a metric compares: `shave` pixels off every border. */
export interface Region {
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Validates a pair of same-sized planes and a shave, and returns the region left, which must be at
 * least `minSide` pixels each way.
 */
export function comparedRegion(
  a: unknown,
  b: unknown,
  width: unknown,
  height: unknown,
  shave: unknown,
  minSide: number,
): Region {
  assertPositiveInt(width, 'width');
  assertPositiveInt(height, 'height');
  const length = width * height;
  if (!(a instanceof Float32Array) || a.length !== length) {
    throw argError('a', `a Float32Array of length ${length} (${width} x ${height})`, a);
  }
  if (!(b instanceof Float32Array) || b.length !== length) {
    throw argError('b', `a Float32Array of length ${length} (${width} x ${height})`, b);
  }
  if (typeof shave !== 'number' || !Number.isInteger(shave) || shave < 0) {
    throw argError('shave', 'a non-negative integer', shave);
  }
  const region = { x0: shave, y0: shave, width: width - 2 * shave, height: height - 2 * shave };
  if (region.width < minSide || region.height < minSide) {
    throw new VdsrError(
      'E_ARG',
      `Expected at least ${minSide} x ${minSide} pixels left after shaving ${shave} from every border but ${width} x ${height} leaves ${Math.max(0, region.width)} x ${Math.max(0, region.height)}`,
    );
  }
  return region;
}
