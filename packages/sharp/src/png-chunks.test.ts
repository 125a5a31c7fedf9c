import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { setPngChunks } from './png-chunks.js';

function chunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 8; offset < png.length; offset += 12 + png.readUInt32BE(offset)) {
    types.push(png.toString('latin1', offset + 4, offset + 8));
  }
  return types;
}

const plain = () =>
  sharp({ create: { width: 4, height: 3, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();

describe('setPngChunks', () => {
  it('adds chunks after IHDR, replacing those of the same type, and sharp reads them', async () => {
    const png = await plain();
    expect(chunkTypes(png)).toContain('pHYs');
    const phys = Buffer.from([0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1]); // 11811 px/m = 300 dpi
    const text = Buffer.from('Comment\0hello', 'latin1');
    const out = setPngChunks(png, [
      { type: 'pHYs', data: phys },
      { type: 'tEXt', data: text },
    ]);
    const types = chunkTypes(out);
    expect(types.slice(0, 3)).toEqual(['IHDR', 'pHYs', 'tEXt']);
    expect(types.filter((t) => t === 'pHYs')).toHaveLength(1);
    expect(types.at(-1)).toBe('IEND');
    const meta = await sharp(out).metadata();
    expect(meta.density).toBe(300);
    expect(meta.comments).toEqual([{ keyword: 'Comment', text: 'hello' }]);
    // The pixels are untouched.
    expect(await sharp(out).raw().toBuffer()).toEqual(await sharp(png).raw().toBuffer());
  });

  it('writes the chunk CRC (known answer: an empty IEND chunk)', async () => {
    const out = setPngChunks(await plain(), [{ type: 'IEND', data: new Uint8Array(0) }]);
    expect(out.subarray(33, 45).toString('hex')).toBe('0000000049454e44ae426082');
  });
});
