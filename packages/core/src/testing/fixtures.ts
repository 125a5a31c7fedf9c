import { assertPositiveInt } from '../checks.js';
import { argError } from '../errors.js';
import { VDSR_PAPER, type VdsrArchitecture } from '../graph/architecture.js';
import type { Channels, VdsrImage } from '../image.js';
import { createRandomWeights, seededRandom } from '../weights/random.js';
import type { VdsrWeights } from '../weights/types.js';

function checkSize(width: unknown, height: unknown): void {
  assertPositiveInt(width, 'width');
  assertPositiveInt(height, 'height');
}

/**
 * A seeded luma tile on the network's 0..1 scale: a smooth gradient plus noise, so that every backend
 * sees the same input and the residual has edges to work on.
 */
export function randomPlane(width: number, height: number, seed: number): Float32Array {
  checkSize(width, height);
  const rand = seededRandom(seed);
  const plane = new Float32Array(width * height);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      plane[i] = 0.35 * ((x + y) / (width + height)) + 0.65 * rand();
    }
  }
  return plane;
}

/** A seeded interleaved image (0..255), 8-bit or float32, with 1, 3 or 4 channels. */
export function randomImage<F extends boolean = false>(
  width: number,
  height: number,
  channels: Channels,
  seed: number,
  float?: F,
): VdsrImage<F extends true ? Float32Array : Uint8Array> {
  checkSize(width, height);
  if (channels !== 1 && channels !== 3 && channels !== 4) throw argError('channels', '1, 3 or 4', channels);
  const rand = seededRandom(seed);
  const count = width * height * channels;
  const data = float ? new Float32Array(count) : new Uint8Array(count);
  for (let i = 0; i < count; i++) data[i] = float ? rand() * 255 : Math.floor(rand() * 256);
  return { width, height, channels, data } as VdsrImage<F extends true ? Float32Array : Uint8Array>;
}

/** The largest absolute difference between two equally long arrays (Infinity when lengths differ). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= max)) max = d;
  }
  return max;
}

/** Weights of the right shapes, all zero: the residual is 0, so the network returns its input. */
export function identityWeights(architecture: VdsrArchitecture = VDSR_PAPER): VdsrWeights {
  const shaped = createRandomWeights(0, architecture);
  return {
    ...shaped,
    layers: shaped.layers.map((l) => ({
      ...l,
      weight: new Float32Array(l.weight.length),
      bias: new Float32Array(l.bias.length),
    })),
  };
}
