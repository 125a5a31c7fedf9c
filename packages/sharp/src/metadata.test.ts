import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { metadataChunks, profileFits } from './metadata.js';
import { stripWrittenPng } from './test-images.js';

const create = (channels: 3 | 4) =>
  sharp({ create: { width: 4, height: 3, channels, background: { r: 20, g: 120, b: 220, alpha: 0.5 } } });

async function profile(name: string): Promise<Buffer> {
  const png = await create(3).withIccProfile(name).png().toBuffer();
  return (await sharp(png).metadata()).icc!;
}

describe('profileFits', () => {
  it('matches RGB profiles to colour and GRAY profiles to grey', async () => {
    const p3 = await profile('p3');
    expect(profileFits(p3, false)).toBe(true);
    expect(profileFits(p3, true)).toBe(false);
    const gray = Buffer.from(p3);
    gray.write('GRAY', 16, 'latin1');
    expect(profileFits(gray, true)).toBe(true);
    expect(profileFits(await profile('cmyk'), false)).toBe(false);
    expect(profileFits(undefined, false)).toBe(false);
  });
});

describe('metadataChunks', () => {
  it('carries an ICC profile, density, EXIF and XMP in a PNG that sharp reads back', async () => {
    const icc = await profile('p3');
    const exif = Buffer.from('4d4d002a00000008000101120003000000010001000000000000', 'hex');
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/">vdsr ü</x:xmpmeta>';
    const chunks = metadataChunks({ icc, density: 144, exif, xmp });
    expect(chunks.map((c) => c.type)).toEqual(['iCCP', 'pHYs', 'eXIf', 'zTXt']);
    const layout = { width: 4, height: 3, channels: 4, sixteenBit: false } as const;
    const png = await stripWrittenPng(layout, chunks, new Uint8Array(48).fill(7));
    const meta = await sharp(png).metadata();
    expect(meta.icc).toEqual(icc);
    expect(meta.density).toBe(144);
    expect(meta.orientation).toBe(1);
    expect(meta.exif).toBeDefined();
    expect(meta.xmp!.toString('utf8')).toBe(xmp);
  });

  it('says 1 pixel a millimetre without a density, as libvips does for raw pixels', async () => {
    const chunks = metadataChunks({});
    expect(chunks.map((c) => c.type)).toEqual(['pHYs']);
    expect(Buffer.from(chunks[0]!.data).toString('hex')).toBe('000003e8000003e801');
    const fromRaw = await sharp(new Uint8Array(12), { raw: { width: 2, height: 2, channels: 3 } })
      .png()
      .toBuffer();
    const at = fromRaw.indexOf('pHYs') + 4;
    expect(fromRaw.subarray(at, at + 9)).toEqual(Buffer.from(chunks[0]!.data));
  });
});
