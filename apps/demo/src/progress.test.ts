import { describe, expect, it } from 'vitest';
import { progressText, timingText } from './progress.js';

describe('progress and timing lines', () => {
  it('estimates the time left from the rate so far', () => {
    expect(progressText(1, 4, 0.25, 3000)).toBe('tile 1 of 4 · about 9.0 s left');
    expect(progressText(1, 8, 0.05, 20_000)).toBe('tile 1 of 8 · about 380 s left');
    expect(progressText(4, 4, 1, 3000)).toBe('tile 4 of 4');
  });

  it('gives output megapixels per second', () => {
    expect(timingText(2000, 1000, 1000, 'onnxruntime-web')).toBe(
      '1000 x 1000 on onnxruntime-web in 2000 ms (0.500 MP/s of output)',
    );
  });
});
