import { argError } from '../errors.js';

/**
 * The geometric self-ensemble: the network's output averaged over flips and rotations of its input.
 * true is all 8 transforms; a number picks 1 (off), 2, 4 or 8; false is off.
 */
export type Ensemble = boolean | 1 | 2 | 4 | 8;

export type EnsembleSize = 1 | 2 | 4 | 8;

/** How many transforms an `ensemble` option asks for (1 when unset). */
export function ensembleSize(value: unknown, name = 'ensemble'): EnsembleSize {
  if (value === undefined || value === false) return 1;
  if (value === true) return 8;
  if (value === 1 || value === 2 || value === 4 || value === 8) return value;
  throw argError(name, 'true, false or a number of transforms: 1, 2, 4 or 8', value);
}
