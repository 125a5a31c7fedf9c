import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BuildProgress } from './progress.js';

describe('BuildProgress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stays quiet for short work, then says how many, which and the time left', () => {
    const lines: string[] = [];
    const progress = new BuildProgress({ log: (line) => lines.push(line), delay: 1500, interval: 1000 });
    for (let i = 0; i < 3; i++) progress.add();
    const a = progress.start('a.png 2x', 1000);
    vi.advanceTimersByTime(1000);
    expect(lines).toEqual([]);
    a.update(0.5);
    vi.advanceTimersByTime(1000);
    // The first line at 1.5 s: 500 of 3000 expected output pixels done (the two not started count
    // as the average of those started), so 2500 more take 7.5 s.
    expect(lines).toEqual(['vdsr: upscaled 0 of 3 images; now a.png 2x 50%; about 8 s left']);
    a.done();
    const b = progress.start('b.png 1000x500', 2000);
    vi.advanceTimersByTime(1000);
    // At 2.5 s: 1000 of 1000 + 2000 + 1500 (the third, the average of those started) done: 8.75 s left.
    expect(lines[1]).toBe('vdsr: upscaled 1 of 3 images; now b.png 1000x500 0%; about 9 s left');
    b.done();
    progress.start('c.png 3x', 10).done();
    vi.advanceTimersByTime(5000);
    expect(lines).toHaveLength(2);
    // All done: the next images (the next build) count from zero.
    progress.add();
    progress.start('d.png 2x', 10);
    expect(progress.line()).toMatch(/^vdsr: upscaled 0 of 1 image; now d\.png 2x 0%/);
    progress.end();
  });

  it('says it is estimating before any pixel is done', () => {
    const progress = new BuildProgress({ log: () => undefined });
    progress.add();
    progress.start('a.png 2x', 100);
    expect(progress.line()).toBe('vdsr: upscaled 0 of 1 image; now a.png 2x 0%; estimating the time left');
    progress.end();
  });
});
