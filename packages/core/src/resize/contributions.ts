import { VdsrError } from '../errors.js';

/** Keys' cubic with a = -0.5, as MATLAB's imresize `cubic` (support [-2, 2]). */
export function cubic(x: number): number {
  const ax = Math.abs(x);
  const ax2 = ax * ax;
  const ax3 = ax2 * ax;
  if (ax <= 1) return 1.5 * ax3 - 2.5 * ax2 + 1;
  if (ax <= 2) return -0.5 * ax3 + 2.5 * ax2 - 4 * ax + 2;
  return 0;
}

const KERNEL_WIDTH = 4;

/**
 * Shrinking by `scale` widens the kernel to 4 / scale taps; with a scale far below out / in (only an
 * explicit, inconsistent scale does that) the table would outgrow memory, so it is refused.
 */
const MAX_TABLE_ENTRIES = 2 ** 25;

/**
 * Which input samples feed each output sample along one axis, and with what weights: output `o` is
 * sum over t < taps of weights[o * taps + t] * input[indices[o * taps + t]].
 */
export interface Contributions {
  readonly taps: number;
  readonly weights: Float64Array;
  /** 0-based input indices, already mirrored into range. */
  readonly indices: Int32Array;
}

/** MATLAB's symmetric padding: ... 1 0 | 0 1 ... n-1 | n-1 n-2 ... (aux = [1:n, n:-1:1] there). */
function mirror(index: number, length: number): number {
  const period = 2 * length;
  const m = ((index % period) + period) % period;
  return m < length ? m : period - 1 - m;
}

/**
 * MATLAB imresize's `contributions()` for bicubic with antialiasing: when shrinking (scale < 1) the
 * kernel is stretched by 1/scale so it low-pass filters. Tap columns that are zero for every output
 * are dropped as MATLAB does; that changes no result, only the work.
 */
export function contributions(inLength: number, outLength: number, scale: number): Contributions {
  const shrink = scale < 1;
  const kernelWidth = shrink ? KERNEL_WIDTH / scale : KERNEL_WIDTH;
  const fullTaps = Math.ceil(kernelWidth) + 2;
  if (outLength * fullTaps > MAX_TABLE_ENTRIES) {
    throw new VdsrError(
      'E_LIMIT',
      `Expected a resize kernel table of at most ${MAX_TABLE_ENTRIES} entries but scale ${scale} from ${inLength} to ${outLength} samples needs ${outLength * fullTaps}`,
    );
  }
  const weights = new Float64Array(outLength * fullTaps);
  const first = new Float64Array(outLength);
  const used = new Uint8Array(fullTaps);
  for (let o = 0; o < outLength; o++) {
    // MATLAB's 1-based centre of output pixel o + 1 in input coordinates.
    const u = (o + 1) / scale + 0.5 * (1 - 1 / scale);
    const left = Math.floor(u - kernelWidth / 2);
    first[o] = left;
    let sum = 0;
    for (let t = 0; t < fullTaps; t++) {
      const d = u - (left + t);
      const w = shrink ? scale * cubic(scale * d) : cubic(d);
      weights[o * fullTaps + t] = w;
      sum += w;
    }
    for (let t = 0; t < fullTaps; t++) {
      const w = weights[o * fullTaps + t]! / sum;
      weights[o * fullTaps + t] = w;
      if (w !== 0) used[t] = 1;
    }
  }
  const kept: number[] = [];
  for (let t = 0; t < fullTaps; t++) if (used[t]) kept.push(t);
  const taps = kept.length;
  const keptWeights = new Float64Array(outLength * taps);
  const indices = new Int32Array(outLength * taps);
  for (let o = 0; o < outLength; o++) {
    for (let k = 0; k < taps; k++) {
      const t = kept[k]!;
      keptWeights[o * taps + k] = weights[o * fullTaps + t]!;
      // left + t is 1-based in MATLAB; minus one for 0-based before mirroring.
      indices[o * taps + k] = mirror(first[o]! + t - 1, inLength);
    }
  }
  return { taps, weights: keptWeights, indices };
}
