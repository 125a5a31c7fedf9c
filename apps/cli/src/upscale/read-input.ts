import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { VdsrError } from '@vdsr/core';

/** The argument that means standard input. */
export const STDIN = '-';

const BYTES_PER_PIXEL = 8; // 16-bit RGBA, uncompressed: the most an encoded pixel plausibly takes
const METADATA_ALLOWANCE = 16 * 2 ** 20;
const MOST_BYTES = 2 ** 31 - 1;

/**
 * The most bytes read from one input before decoding: 8 a pixel of the pixel limit plus 16 MiB of
 * metadata (so an uncompressed 16-bit RGBA image at the limit fits), and never above 2 GiB.
 */
export function maxInputBytes(limitInputPixels: number): number {
  if (limitInputPixels === 0) return MOST_BYTES;
  return Math.min(MOST_BYTES, limitInputPixels * BYTES_PER_PIXEL + METADATA_ALLOWANCE);
}

function tooLarge(input: string, max: number, value?: number): VdsrError {
  return new VdsrError(
    'E_LIMIT',
    `${input}, more than the ${max} bytes read for one image (8 bytes a pixel of --limit-input-pixels, plus 16 MiB)`,
    { details: { limit: 'maxInputBytes', value, max } },
  );
}

function kind(stats: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean }): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  return 'not a regular file';
}

/** The reason `stats` is not something vdsr reads as an image file, or undefined when it is one. */
export function notAFile(stats: Parameters<typeof kind>[0] & { isFile(): boolean }): string | undefined {
  return stats.isFile() ? undefined : `${kind(stats)}: vdsr reads only regular files`;
}

async function readWhole(handle: FileHandle, size: number): Promise<Buffer> {
  const bytes = Buffer.alloc(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}

/**
 * A regular file's bytes, at most `maxBytes`. Opened without blocking, so a FIFO is refused rather
 * than waited on; a device such as /dev/zero is refused rather than read forever.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    const reason = notAFile(stats);
    if (reason) throw new VdsrError('E_IO', reason);
    if (stats.size > maxBytes) throw tooLarge(`the file is ${stats.size} bytes`, maxBytes, stats.size);
    // The size as it was checked: a file that grows meanwhile is read up to it.
    const bytes = await readWhole(handle, stats.size);
    if (bytes.length === 0) throw new VdsrError('E_IO', 'empty file (0 bytes)');
    return bytes;
  } finally {
    await handle.close();
  }
}

/** A stream's bytes (stdin), refused with E_LIMIT as soon as they pass `maxBytes`. */
export async function readInputStream(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      stream.destroy();
      throw tooLarge('stdin holds more', maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  if (total === 0) throw new VdsrError('E_IO', 'empty input (0 bytes on stdin)');
  return Buffer.concat(chunks);
}
