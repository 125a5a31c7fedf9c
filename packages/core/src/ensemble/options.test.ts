import { describe, expect, it } from 'vitest';
import { ensembleSize } from './options.js';

describe('ensembleSize', () => {
  it('reads true as all 8 transforms, false and undefined as off, and 1, 2, 4, 8 as given', () => {
    expect([undefined, false, true, 1, 2, 4, 8].map((v) => ensembleSize(v))).toEqual([1, 1, 8, 1, 2, 4, 8]);
  });

  it('rejects anything else with E_ARG naming the option', () => {
    for (const value of [0, 3, 6, 16, -8, 2.5, Number.NaN, '8', null, {}]) {
      expect(() => ensembleSize(value), String(value)).toThrow(
        expect.objectContaining({ code: 'E_ARG', details: { option: 'ensemble', value } }),
      );
    }
    expect(() => ensembleSize(3, 'options.ensemble')).toThrow(
      'Expected true, false or a number of transforms: 1, 2, 4 or 8 for options.ensemble but received number 3',
    );
  });
});
