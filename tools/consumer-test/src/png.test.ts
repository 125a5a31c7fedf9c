import { describe, expect, it } from 'vitest';
import { pngSize } from './png.js';

// A 3 x 2 grey PNG's signature and IHDR chunk (what pngSize reads).
const HEADER = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3, 0, 0, 0, 2,
  8, 0, 0, 0, 0,
]);

describe('pngSize', () => {
  it('reads the size from the header', () => {
    expect(pngSize(HEADER)).toEqual({ width: 3, height: 2 });
  });

  it('rejects what is not a PNG', () => {
    expect(() => pngSize(new TextEncoder().encode('GIF89a and more bytes than a header'))).toThrow(
      'not a PNG',
    );
  });
});
