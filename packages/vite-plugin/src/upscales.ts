import type { ResizeTarget } from '@vdsr/core';
import { type OutputFormat, upscaleBuffer } from '@vdsr/sharp';
import type { DiskCache } from './cache.js';
import type { BuildProgress } from './progress.js';
import type { EnsemblePasses } from './query.js';
import type { LazyUpscaler } from './upscaler.js';

/** One image to make: `name` is its cache file name (key and extension). */
export interface UpscaleJob {
  readonly name: string;
  readonly input: Uint8Array;
  readonly target: ResizeTarget;
  readonly format?: OutputFormat;
  /** Self-ensemble passes per tile (absent: one). */
  readonly ensemble?: EnsemblePasses;
  /** For the progress line: the file and the target, `hero.png 2x` (`hero.png 2x ensemble 8`). */
  readonly label: string;
  /** The output's pixels (its share of the work). */
  readonly pixels: number;
}

/** How the images of a build were obtained. */
export interface UpscaleStats {
  /** Made by the network in this build. */
  upscaled: number;
  /** Found in the cache. */
  cached: number;
  /** Time spent upscaling, ms, overlapping runs counted once. */
  upscaleMs: number;
}

export interface UpscalesOptions {
  readonly cache: DiskCache;
  readonly upscaler: LazyUpscaler;
  readonly progress: BuildProgress;
  /** The concurrency limiter. */
  readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
}

/**
 * Makes images through the cache: a cached one is read back, a missing one is upscaled (at most
 * `limit` at once) and stored; one asked for again while it is being made is made once.
 */
export class Upscales {
  readonly stats: UpscaleStats = { upscaled: 0, cached: 0, upscaleMs: 0 };
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private busy = 0;
  private busySince = 0;

  constructor(private readonly options: UpscalesOptions) {}

  /** The image's bytes, from the cache or made now. */
  get(job: UpscaleJob): Promise<Buffer> {
    let pending = this.inFlight.get(job.name);
    if (!pending) {
      pending = this.make(job).finally(() => this.inFlight.delete(job.name));
      this.inFlight.set(job.name, pending);
    }
    return pending;
  }

  resetStats(): void {
    Object.assign(this.stats, { upscaled: 0, cached: 0, upscaleMs: 0 });
  }

  private async make(job: UpscaleJob): Promise<Buffer> {
    const { cache, upscaler, progress, limit } = this.options;
    const cached = await cache.read(job.name);
    if (cached) {
      this.stats.cached++;
      return cached;
    }
    progress.add();
    return limit(async () => {
      const item = progress.start(job.label, job.pixels);
      this.enter();
      try {
        const output = await upscaleBuffer(job.input, job.target, {
          upscaler: await upscaler.get(),
          // The plugin checked its own pixel limit before the cache was looked at.
          limitInputPixels: false,
          onProgress: ({ fraction }) => item.update(fraction),
          ...(job.format === undefined ? {} : { format: job.format }),
          ...(job.ensemble === undefined ? {} : { ensemble: job.ensemble }),
        });
        await cache.write(job.name, output);
        this.stats.upscaled++;
        return output;
      } finally {
        item.done();
        this.leave();
      }
    });
  }

  private enter(): void {
    if (this.busy++ === 0) this.busySince = performance.now();
  }

  private leave(): void {
    if (--this.busy === 0) this.stats.upscaleMs += performance.now() - this.busySince;
  }
}
