import { outputFormats } from '@vdsr/sharp';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../command.js';
import { extensionFor, formatOfFile, formatOption } from './formats.js';

describe('output formats', () => {
  it('reads the format from a file name, refusing extensions vdsr does not write', async () => {
    expect(await formatOfFile('a.JPG', '-o')).toBe('jpeg');
    expect(await formatOfFile('a.tif', '-o')).toBe('tiff');
    expect(await formatOfFile('a.gif', '-o')).toBe('gif');
    for (const name of ['a.bmp', 'noext', 'a.raw']) {
      await expect(formatOfFile(name, '-o'), name).rejects.toThrow(UsageError);
    }
    await expect(formatOfFile('a.bmp', '-o')).rejects.toThrow(
      /^Expected -o FILE ending in one of \.png, \.jpg, .* but received 'a\.bmp'$/,
    );
    const heic = formatOfFile('a.heic', '-o');
    if ((await outputFormats()).includes('heif')) await expect(heic).resolves.toBe('heif');
    else await expect(heic).rejects.toThrow(UsageError);
  });

  it('takes --format names and aliases sharp writes, not raw', async () => {
    expect(await formatOption('JPG')).toBe('jpeg');
    expect(await formatOption('webp')).toBe('webp');
    expect(await formatOption(undefined)).toBeUndefined();
    await expect(formatOption('raw')).rejects.toThrow(UsageError);
    await expect(formatOption('bmp')).rejects.toThrow(
      /^Expected one of jpeg, png, webp, .* for --format but received 'bmp'$/,
    );
  });

  it('keeps the input extension when it names the format', () => {
    expect(extensionFor('jpeg', 'IMG_1.JPEG')).toBe('.JPEG');
    expect(extensionFor('png', 'IMG_1.JPEG')).toBe('.png');
    expect(extensionFor('jpeg', 'scan.gif')).toBe('.jpg');
  });
});
