import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inMemory } from './carrier.js';
import { createPngStripWriter, type PngLayout } from './png-writer.js';
import { pickChannels, ushortSamples } from './samples.js';
import { stripWrittenPng } from './test-images.js';

interface Chunk {
  readonly type: string;
  readonly length: number;
  readonly crcOk: boolean;
}

function chunksOf(png: Buffer): Chunk[] {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const chunks: Chunk[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const end = offset + 8 + length;
    chunks.push({
      type: png.toString('latin1', offset + 4, offset + 8),
      length,
      crcOk: crc32(png.subarray(offset + 4, end)) === png.readUInt32BE(end),
    });
    offset = end + 4;
  }
  return chunks;
}

/** Seeded pseudo-random samples over the whole range of the depth. */
function samplesFor({ width, height, channels, sixteenBit }: PngLayout, seed: number) {
  const data = sixteenBit
    ? new Uint16Array(width * height * channels)
    : new Uint8Array(width * height * channels);
  let state = seed;
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = sixteenBit ? state >>> 16 : state >>> 24;
  }
  return data;
}

describe('createPngStripWriter', () => {
  const layouts = [1, 2, 3, 4].flatMap((channels) =>
    [false, true].map((sixteenBit) => ({ width: 37, height: 23, channels, sixteenBit }) as PngLayout),
  );

  it.each(layouts)('round-trips %o through sharp, strip by strip, with valid CRCs', async (layout) => {
    const samples = samplesFor(layout, layout.channels * 2 + Number(layout.sixteenBit));
    const png = await stripWrittenPng(layout, [], samples, 5);
    const chunks = chunksOf(png);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks[0]).toMatchObject({ type: 'IHDR', length: 13 });
    expect(chunks.at(-1)).toMatchObject({ type: 'IEND', length: 0 });
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({
      format: 'png',
      width: 37,
      height: 23,
      channels: layout.channels,
      depth: layout.sixteenBit ? 'ushort' : 'uchar',
      hasAlpha: layout.channels % 2 === 0,
      space:
        layout.channels < 3 ? (layout.sixteenBit ? 'grey16' : 'b-w') : layout.sixteenBit ? 'rgb16' : 'srgb',
    });
    // As RGB(A), since sharp's raw grey output drops alpha; grey is then channel 0.
    const { data, info } = await sharp(png)
      .toColourspace(layout.sixteenBit ? 'rgb16' : 'srgb')
      .raw(layout.sixteenBit ? { depth: 'ushort' } : {})
      .toBuffer({ resolveWithObject: true });
    const rgb = layout.sixteenBit ? ushortSamples(data) : new Uint8Array(data);
    const picks = [[0], [0, 3], [0, 1, 2], [0, 1, 2, 3]][layout.channels - 1]!;
    expect(pickChannels(rgb, info.channels, picks)).toEqual(samples);
  });

  it('puts the given chunks between IHDR and IDAT, and frames zlib output as several IDATs', async () => {
    const layout = { width: 300, height: 120, channels: 4, sixteenBit: true } as const;
    const text = { type: 'tEXt', data: Buffer.from('Comment\0vdsr', 'latin1') };
    const png = await stripWrittenPng(layout, [text], samplesFor(layout, 9), 7);
    const types = chunksOf(png).map((c) => c.type);
    expect(types.slice(0, 2)).toEqual(['IHDR', 'tEXt']);
    expect(types.filter((t) => t === 'IDAT').length).toBeGreaterThan(1);
    expect((await sharp(png).metadata()).comments).toEqual([{ keyword: 'Comment', text: 'vdsr' }]);
  });

  it('fails the reader with the error it is destroyed with', async () => {
    const writer = createPngStripWriter({ width: 2, height: 2, channels: 1, sixteenBit: false }, [], 0);
    const png = inMemory(writer.bytes);
    await writer.writeRows(new Uint8Array(2));
    writer.destroy(new Error('stopped'));
    await expect(png).rejects.toThrow('stopped');
  });

  it('fails writeRows once the reader has stopped reading, instead of waiting forever', async () => {
    const layout = { width: 512, height: 512, channels: 4, sixteenBit: true } as const;
    const writer = createPngStripWriter(layout, [], 0);
    for await (const _header of writer.bytes) break;
    await expect(writer.writeRows(samplesFor(layout, 3))).rejects.toThrow();
  });
});
