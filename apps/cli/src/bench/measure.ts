import {
  createUpscaler,
  describeGraph,
  type SessionOptions,
  seededRandom,
  type VdsrImage,
  type VdsrWeights,
} from '@vdsr/core';
import { disposeUpscaler } from '../dispose-upscaler.js';

export interface BenchResult {
  readonly backend: string;
  /** Side of the square output, in pixels. */
  readonly size: number;
  readonly runs: number;
  /** Mean seconds per upscale. */
  readonly seconds: number;
  readonly megapixelsPerSecond: number;
  readonly gflopsPerSecond: number;
  /** Peak resident memory of the whole process, MiB. */
  readonly peakRssMiB: number;
}

export interface MeasureOptions {
  readonly backend: string;
  readonly size: number;
  readonly weights: VdsrWeights;
  /** Passed to the backend as given (--threads, --backend-option). */
  readonly sessionOptions?: SessionOptions;
  readonly signal?: AbortSignal;
  /** Timed runs continue until both this many runs and `minSeconds` are reached. */
  readonly minRuns: number;
  readonly minSeconds: number;
}

/** A reproducible RGB test image: noise carries detail at every frequency, so no backend gets an easy input. */
function testImage(width: number, height: number): VdsrImage<Uint8Array> {
  const random = seededRandom(7);
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
  return { width, height, channels: 3, data };
}

/**
 * Times 2x upscales to `size` x `size` on one backend, after a small warm-up run (session start,
 * JIT, thread pools). Throughput counts output pixels, as the network runs at the output size.
 */
export async function measureBackend(options: MeasureOptions): Promise<BenchResult> {
  const { size, signal, minRuns, minSeconds } = options;
  const upscaler = await createUpscaler({
    ...options.sessionOptions,
    weights: options.weights,
    backend: options.backend,
  });
  try {
    const lowRes = Math.ceil(size / 2);
    const target = { width: size, height: size };
    await upscaler.upscale(testImage(24, 24), { scale: 2 }, { signal });
    const image = testImage(lowRes, lowRes);
    let runs = 0;
    const started = performance.now();
    do {
      await upscaler.upscale(image, target, { signal });
      runs++;
    } while (runs < minRuns || performance.now() - started < minSeconds * 1000);
    const seconds = (performance.now() - started) / 1000 / runs;
    const pixels = size * size;
    return {
      backend: upscaler.backend,
      size,
      runs,
      seconds,
      megapixelsPerSecond: pixels / 1e6 / seconds,
      gflopsPerSecond: (describeGraph(options.weights.architecture).flopsPerPixel * pixels) / 1e9 / seconds,
      // maxRSS is in KiB.
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await disposeUpscaler(upscaler, signal);
  }
}
