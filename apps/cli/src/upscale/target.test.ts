import { type ResizeTarget, targetSize } from '@vdsr/core';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../command.js';
import { checkTargetLimits, parseTarget, targetLabel } from './target.js';

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

describe('checkTargetLimits', () => {
  const check = (target: ResizeTarget, width: number, height: number) => () =>
    checkTargetLimits(target, width, height, targetSize(width, height, target));

  it('accepts up to 8x along each axis', () => {
    expect(check({ width: 160 }, 20, 10)).not.toThrow();
    expect(check({ width: 160, height: 80 }, 20, 10)).not.toThrow();
    expect(check({ scale: 8 }, 20, 10)).not.toThrow();
  });

  it('names the flag to lower past 8x, and how far, as E_LIMIT', () => {
    expect(check({ width: 1000 }, 20, 10)).toThrow(
      expect.objectContaining({
        code: 'E_LIMIT',
        message:
          "--width 1000 scales the 20 x 10 image by 50, more than vdsr's limit of 8: ask for --width 160 or less",
      }),
    );
    expect(check({ height: 90 }, 20, 10)).toThrow('ask for --height 80 or less');
    expect(check({ width: 40, height: 90 }, 20, 10)).toThrow(
      "--width 40 --height 90 scales the 20 x 10 image's height by 9, more than vdsr's limit of 8: ask for --height 80 or less",
    );
    expect(check({ scale: 8.5 }, 20, 10)).toThrow('ask for --scale 8 or less');
  });

  it('refuses an output past 2^28 pixels, naming the flags', () => {
    expect(check({ width: 20000, height: 20000 }, 5000, 5000)).toThrow(
      expect.objectContaining({
        code: 'E_LIMIT',
        message:
          "--width 20000 --height 20000 makes the 5000 x 5000 image 20000 x 20000 = 400000000 pixels, more than vdsr's limit of 268435456: ask for a smaller output",
      }),
    );
  });
});
