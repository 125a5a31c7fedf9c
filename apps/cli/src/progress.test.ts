import { describe, expect, it } from 'vitest';
import { formatBar, formatDuration } from './progress.js';

describe('progress formatting', () => {
  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(61.4)).toBe('1:01');
    expect(formatDuration(3600 + 62)).toBe('1:01:02');
    expect(formatDuration(Number.NaN)).toBe('--:--');
  });

  it('fills the bar in proportion, clamped to 0..1', () => {
    expect(formatBar(0.5, 10)).toBe('[#####.....]');
    expect(formatBar(-1, 4)).toBe('[....]');
    expect(formatBar(2, 4)).toBe('[####]');
  });
});
