import { describe, expect, it } from 'vitest';
import { MAX_RESIZE_PIXELS, targetSize } from './target.js';

describe('targetSize', () => {
  it('takes ceil(size * scale) as MATLAB does and keeps the scale for the kernel', () => {
    expect(targetSize(12, 12, { scale: 1 / 3 })).toEqual({
      width: 4,
      height: 4,
      scaleX: 1 / 3,
      scaleY: 1 / 3,
    });
    expect(targetSize(5, 2, { scale: 2 })).toEqual({ width: 10, height: 4, scaleX: 2, scaleY: 2 });
    expect(targetSize(7, 9, { scale: 0.5 })).toEqual({ width: 4, height: 5, scaleX: 0.5, scaleY: 0.5 });
  });

  it('takes both sides as given with a scale per axis', () => {
    expect(targetSize(9, 7, { width: 20, height: 3 })).toEqual({
      width: 20,
      height: 3,
      scaleX: 20 / 9,
      scaleY: 3 / 7,
    });
  });

  it('keeps the aspect ratio from one side, with that side exact', () => {
    expect(targetSize(3, 5, { width: 7 })).toEqual({ width: 7, height: 12, scaleX: 7 / 3, scaleY: 7 / 3 });
    expect(targetSize(100, 50, { height: 25 })).toEqual({ width: 50, height: 25, scaleX: 0.5, scaleY: 0.5 });
  });

  it('rejects bad targets with E_ARG saying what it got', () => {
    expect(() => targetSize(4, 4, { scale: 0 })).toThrow(
      /finite number > 0 for target.scale but received number 0/,
    );
    expect(() => targetSize(4, 4, { scale: Number.POSITIVE_INFINITY })).toThrow(/target.scale/);
    expect(() => targetSize(4, 4, { width: 2.5 })).toThrow(/target.width but received number 2.5/);
    expect(() => targetSize(4, 4, { height: -1 })).toThrow(/target.height/);
    expect(() => targetSize(4, 4, {} as never)).toThrow(/scale, width or height/);
    expect(() => targetSize(4, 4, { scale: 2, width: 3 } as never)).toThrow(/either scale or width\/height/);
    expect(() => targetSize(4, 4, null as never)).toThrow(/received null/);
    expect(() => targetSize(0, 4, { scale: 2 })).toThrow(/width/);
  });

  it('gives at least one pixel for any positive scale', () => {
    expect(targetSize(4, 4, { scale: 1e-320 })).toMatchObject({ width: 1, height: 1 });
  });

  it('refuses outputs past the pixel limit with E_LIMIT', () => {
    expect(() => targetSize(1000, 1000, { scale: 1000 })).toThrow(
      expect.objectContaining({
        code: 'E_LIMIT',
        message: expect.stringContaining(String(MAX_RESIZE_PIXELS)),
      }),
    );
    expect(() => targetSize(2, 2, { scale: 1e308 })).toThrow(expect.objectContaining({ code: 'E_LIMIT' }));
  });
});
