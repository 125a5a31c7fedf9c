import { describe, expect, it } from 'vitest';
import { UsageError } from '../command.js';
import { parseTarget, targetLabel } from './target.js';

describe('parseTarget', () => {
  it('reads a scale, or one or both sides', () => {
    expect(parseTarget({ scale: '2' })).toEqual({ scale: 2 });
    expect(parseTarget({ width: '640' })).toEqual({ width: 640 });
    expect(parseTarget({ height: '480' })).toEqual({ height: 480 });
    expect(parseTarget({ width: '640', height: '480' })).toEqual({ width: 640, height: 480 });
  });

  it('rejects no size, a scale with sides, and scales of 1 or less', () => {
    for (const values of [
      {},
      { scale: '2', width: '10' },
      { scale: '1' },
      { scale: '0.5' },
      { scale: '8.5' },
      { width: '0' },
    ]) {
      expect(() => parseTarget(values), JSON.stringify(values)).toThrow(UsageError);
    }
  });
});

describe('targetLabel', () => {
  it('is @Sx for a scale and @WxH for a size', () => {
    expect(targetLabel({ scale: 1.5 }, 30, 20)).toBe('@1.5x');
    expect(targetLabel({ width: 30 }, 30, 20)).toBe('@30x20');
  });
});
