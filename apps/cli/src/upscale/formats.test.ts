import { describe, expect, it } from 'vitest';
import { extensionFor, formatOfInput, formatOfPath } from './formats.js';

describe('output formats', () => {
  it('knows the formats vdsr writes by extension', () => {
    expect(formatOfPath('a.JPG')).toBe('jpeg');
    expect(formatOfPath('a.tif')).toBe('tiff');
    expect(formatOfPath('a.bmp')).toBeUndefined();
    expect(formatOfPath('noext')).toBeUndefined();
  });

  it("writes an input back in its own format, AVIF included, and PNG for formats it doesn't write", () => {
    expect(formatOfInput({ format: 'webp' })).toBe('webp');
    expect(formatOfInput({ format: 'heif', compression: 'av1' })).toBe('avif');
    expect(formatOfInput({ format: 'heif', compression: 'hevc' })).toBe('png');
    expect(formatOfInput({ format: 'gif' })).toBe('png');
  });

  it("keeps the input's spelling of the extension when the format is unchanged", () => {
    expect(extensionFor('jpeg', 'IMG_1.JPEG')).toBe('.JPEG');
    expect(extensionFor('png', 'IMG_1.JPEG')).toBe('.png');
    expect(extensionFor('jpeg', 'scan.gif')).toBe('.jpg');
  });
});
