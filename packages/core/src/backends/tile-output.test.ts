import { describe, expect, it } from 'vitest';
import { VdsrError } from '../errors.js';
import { assertTileOutput, tileRunError } from './tile-output.js';

describe('tile output helpers', () => {
  it('assertTileOutput passes a Float32Array of the tile length and refuses anything else with E_BACKEND', () => {
    const ok = new Float32Array(6);
    expect(assertTileOutput(ok, 6, 'x')).toBe(ok);
    expect(() => assertTileOutput(new Float32Array(5), 6, 'x')).toThrow(
      expect.objectContaining({
        code: 'E_BACKEND',
        message: expect.stringMatching(/^Expected a Float32Array of length 6 from x but received/),
      }),
    );
    expect(() => assertTileOutput([1, 2, 3, 4, 5, 6], 6, 'x')).toThrow(
      expect.objectContaining({ code: 'E_BACKEND' }),
    );
  });

  it('tileRunError wraps a failure as E_BACKEND with the cause, and keeps a VdsrError as it is', () => {
    const cause = new Error('out of memory');
    expect(tileRunError(cause, 'x', 3, 2)).toMatchObject({
      code: 'E_BACKEND',
      message: 'x failed to run a 3 x 2 tile: out of memory',
      cause,
    });
    expect(tileRunError('odd', 'x', 3, 2).message).toBe('x failed to run a 3 x 2 tile: odd');
    const own = new VdsrError('E_ABORTED', 'stopped');
    expect(tileRunError(own, 'x', 3, 2)).toBe(own);
  });
});
