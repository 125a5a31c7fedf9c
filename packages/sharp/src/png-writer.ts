import { createDeflate } from 'node:zlib';
import { encodeChunk, type PngChunk } from './png-chunks.js';

/** What a PNG's IHDR says: grey, grey with alpha, RGB or RGBA, at 8 or 16 bits. */
export interface PngLayout {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
  readonly sixteenBit: boolean;
}

/** A PNG made a strip of rows at a time, never whole in memory unless its reader keeps it. */
export interface PngStripWriter {
  /** The file's bytes as they are made: whoever reads them drives the writer (backpressure). */
  readonly bytes: AsyncIterable<Buffer>;
  /** Whole rows of interleaved samples, top to bottom; resolves once zlib has taken them. */
  writeRows(samples: Uint8Array | Uint16Array): Promise<void>;
  /** After the last row: the reader then gets the last IDAT and IEND. */
  end(): void;
  /** Stops the writer: the reader of `bytes` fails with `error`, and so does any writeRows. */
  destroy(error: Error): void;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// PNG colour types by channel count: grey, grey + alpha, RGB, RGBA.
const COLOUR_TYPES = { 1: 0, 2: 4, 3: 2, 4: 6 } as const;
// zlib's output is framed as IDAT chunks of at most this many bytes.
const IDAT_BYTES = 1 << 16;

function ihdr({ width, height, channels, sixteenBit }: PngLayout): PngChunk {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = sixteenBit ? 16 : 8;
  data[9] = COLOUR_TYPES[channels];
  // Bytes 10..12: compression 0 (deflate), filter method 0, no interlace.
  return { type: 'IHDR', data };
}

/**
 * Rows as PNG stores them before deflate: each one led by its filter type (0, none: the writer is
 * for files read back once, where filtering would cost more than it saves) and 16-bit samples big-endian.
 */
export function filteredRows(samples: Uint8Array | Uint16Array, rowSamples: number): Buffer {
  const rows = samples.length / rowSamples;
  const bytesPerSample = samples.BYTES_PER_ELEMENT;
  const rowBytes = 1 + rowSamples * bytesPerSample;
  const out = Buffer.alloc(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const row = samples.subarray(r * rowSamples, (r + 1) * rowSamples);
    const at = r * rowBytes + 1;
    if (bytesPerSample === 1) out.set(row, at);
    else for (let i = 0; i < row.length; i++) out.writeUInt16BE(row[i]!, at + 2 * i);
  }
  return out;
}

/**
 * A PNG writer fed a strip of rows at a time: signature, IHDR, `chunks` (metadata, which must come
 * before IDAT), the rows through a streaming deflate at `level` as IDAT chunks, then IEND.
 */
export function createPngStripWriter(
  layout: PngLayout,
  chunks: readonly PngChunk[],
  level: number,
): PngStripWriter {
  const deflate = createDeflate({ level, chunkSize: IDAT_BYTES });
  const rowSamples = layout.width * layout.channels;
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      yield Buffer.concat([SIGNATURE, ...[ihdr(layout), ...chunks].map(encodeChunk)]);
      for await (const data of deflate) yield encodeChunk({ type: 'IDAT', data });
      yield encodeChunk({ type: 'IEND', data: new Uint8Array(0) });
    } finally {
      // A reader that stops early must not leave writeRows waiting for zlib forever.
      deflate.destroy();
    }
  }
  return {
    bytes: bytes(),
    writeRows: (samples) =>
      new Promise((resolve, reject) => {
        deflate.write(filteredRows(samples, rowSamples), (error) => (error ? reject(error) : resolve()));
      }),
    end: () => deflate.end(),
    destroy: (error) => deflate.destroy(error),
  };
}
