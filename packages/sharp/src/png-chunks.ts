import { crc32 } from 'node:zlib';

export interface PngChunk {
  /** Four ASCII letters, e.g. 'iCCP'. */
  readonly type: string;
  readonly data: Uint8Array;
}

const SIGNATURE_LENGTH = 8;
// Length, type and CRC around every chunk's data.
const CHUNK_OVERHEAD = 12;

function encodeChunk({ type, data }: PngChunk): Buffer {
  const chunk = Buffer.alloc(CHUNK_OVERHEAD + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/**
 * Puts `chunks` right after IHDR (where iCCP, pHYs and eXIf must come: before PLTE and IDAT) and
 * drops any chunk of the same types already there, so each ends up exactly once. `png` must be a
 * well-formed PNG, as sharp writes it.
 */
export function setPngChunks(png: Uint8Array, chunks: readonly PngChunk[]): Buffer {
  const replaced = new Set(chunks.map((c) => c.type));
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const parts: Buffer[] = [bytes.subarray(0, SIGNATURE_LENGTH)];
  for (let offset = SIGNATURE_LENGTH; offset < bytes.length; ) {
    const end = offset + CHUNK_OVERHEAD + bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (!replaced.has(type)) parts.push(bytes.subarray(offset, end));
    if (type === 'IHDR') parts.push(...chunks.map(encodeChunk));
    offset = end;
  }
  return Buffer.concat(parts);
}
