import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResizeTarget } from '@vdsr/core';

// Bumped when the same inputs would give different bytes (a new encoder setting, a pipeline change).
const CACHE_FORMAT = 'vdsr-vite-1';

/** A cached image's name: a SHA-256 hex key and the file extension. */
export const CACHE_NAME = /^([0-9a-f]{64})\.([a-z0-9]+)$/;

export interface CacheKeyParts {
  /** The source image's bytes. */
  readonly input: Uint8Array;
  readonly target: ResizeTarget;
  readonly format?: string;
  /** Self-ensemble passes; absent when off, so plain images keep the keys they had before. */
  readonly ensemble?: number;
  /** VdsrWeights.contentHash: other weights, other pixels. */
  readonly weights: string;
}

/** The content address of one upscaled image. */
export function cacheKey({ input, target, format, ensemble, weights }: CacheKeyParts): string {
  const inputHash = createHash('sha256').update(input).digest('hex');
  const { scale, width, height } = target as { scale?: number; width?: number; height?: number };
  const options = JSON.stringify({ scale, width, height, format, ensemble });
  return createHash('sha256').update(`${CACHE_FORMAT}\0${inputHash}\0${options}\0${weights}`).digest('hex');
}

/** Upscaled images on disk, one file per key, each written whole or not at all. */
export class DiskCache {
  constructor(readonly dir: string) {}

  path(name: string): string {
    return join(this.dir, name);
  }

  /** The file's bytes, or undefined when it is not cached. */
  async read(name: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /**
   * Writes a temporary file beside the final one, then renames it: a rename within a directory is
   * atomic, so a reader (another build, the dev server) sees the whole file or none, and a crash
   * leaves at most a `.tmp` file, never a truncated image under a valid name.
   */
  async write(name: string, data: Uint8Array): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = this.path(`${name}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, data);
      await rename(temporary, this.path(name));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
