import { describe, expect, it } from 'vitest';
import golden from '../__fixtures__/resize-color.json' with { type: 'json' };
import { resizePlane } from './plane.js';
import { targetSize } from './target.js';

describe('resizePlane against MATLAB imresize (golden)', () => {
  it.each(golden.imresize.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const target =
      'scale' in c && c.scale !== undefined ? { scale: c.scale } : { width: c.outWidth, height: c.outHeight };
    const size = targetSize(c.width, c.height, target);
    expect([size.width, size.height]).toEqual([c.outWidth, c.outHeight]);
    const out = resizePlane(Float32Array.from(c.input), c.width, c.height, size.width, size.height, {
      x: size.scaleX,
      y: size.scaleY,
    });
    expect(out.length).toBe(c.output.length);
    let worst = 0;
    for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i]! - c.output[i]!));
    expect(worst).toBeLessThan(1e-4);
  });

  it('gives the same result without an explicit scale when the sizes imply it', () => {
    for (const c of golden.imresize.filter((g) => !('scale' in g))) {
      const out = resizePlane(Float32Array.from(c.input), c.width, c.height, c.outWidth, c.outHeight);
      for (let i = 0; i < out.length; i++) expect(Math.abs(out[i]! - c.output[i]!)).toBeLessThan(1e-4);
    }
  });
});
