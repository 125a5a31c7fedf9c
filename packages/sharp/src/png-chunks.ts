import { crc32 } from 'node:zlib';

export interface PngChunk {
  /** Four ASCII letters, e.g. 'iCCP'. */
  readonly type: string;
  readonly data: Uint8Array;
}

// Length, type and CRC around every chunk's data.
const CHUNK_OVERHEAD = 12;

/** A chunk as it is written: length, type, data, then the CRC of type and data. */
export function encodeChunk({ type, data }: PngChunk): Buffer {
  const chunk = Buffer.alloc(CHUNK_OVERHEAD + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}
