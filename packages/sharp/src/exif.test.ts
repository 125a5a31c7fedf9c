import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { uprightExif } from './exif.js';
import { stripWrittenPng } from './test-images.js';

// A big-endian TIFF header with one IFD entry: Orientation (0x0112), SHORT, count 1, value 8.
const BIG_ENDIAN = Buffer.from('4d4d002a00000008000101120003000000010008000000000000', 'hex');

describe('uprightExif', () => {
  it('drops the JPEG prefix and resets Orientation, keeping the other tags', async () => {
    const jpeg = await sharp({ create: { width: 4, height: 2, channels: 3, background: '#808080' } })
      .withExif({ IFD0: { Copyright: 'vdsr test' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const { exif, orientation } = await sharp(jpeg).metadata();
    expect(orientation).toBe(6);
    expect(exif!.subarray(0, 6).toString('latin1')).toBe('Exif\0\0');

    const upright = uprightExif(exif!)!;
    expect(Buffer.from(upright.subarray(0, 2)).toString('latin1')).toMatch(/^(II|MM)$/);
    const layout = { width: 4, height: 2, channels: 3, sixteenBit: false } as const;
    const png = await stripWrittenPng(layout, [{ type: 'eXIf', data: upright }], new Uint8Array(24));
    const meta = await sharp(png).metadata();
    expect(meta.orientation).toBe(1);
    expect(meta.exif!.includes('vdsr test')).toBe(true);
    // The input is not modified.
    expect((await sharp(jpeg).metadata()).exif).toEqual(exif);
  });

  it('reads big-endian TIFF', () => {
    const upright = uprightExif(BIG_ENDIAN)!;
    expect(Buffer.from(upright).toString('hex')).toBe(
      BIG_ENDIAN.toString('hex').replace('00010008', '00010001'),
    );
  });

  it('gives undefined for a block that is not TIFF', () => {
    expect(uprightExif(Buffer.from('Exif\0\0not a tiff header', 'latin1'))).toBeUndefined();
    expect(uprightExif(new Uint8Array(4))).toBeUndefined();
    expect(uprightExif(BIG_ENDIAN.subarray(0, 20))).toBeUndefined();
    const badOffset = Buffer.from(BIG_ENDIAN);
    badOffset.writeUInt32BE(1000, 4);
    expect(uprightExif(badOffset)).toBeUndefined();
  });
});
