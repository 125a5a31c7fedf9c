import { lumaPlane, rgbToYcbcrPlanes, ycbcrPlanesToRgb } from '../colour/ycbcr.js';
import type { PixelData, VdsrImage } from '../image.js';

/** An image as the pipeline works on it: luma for the network, the rest only resized. */
export interface Planes {
  y: Float32Array;
  cb?: Float32Array;
  cr?: Float32Array;
  alpha?: Float32Array;
}

export function splitPlanes({ width, height, channels, data }: VdsrImage): Planes {
  if (channels === 1) return { y: lumaPlane({ width, height, channels, data }) };
  const count = width * height;
  const planes: Planes = rgbToYcbcrPlanes(data, count, channels);
  if (channels === 4) {
    const alpha = new Float32Array(count);
    for (let p = 0; p < count; p++) alpha[p] = data[p * 4 + 3]!;
    planes.alpha = alpha;
  }
  return planes;
}

/** Applies `fn` to every plane present, keeping which ones are. */
export function mapPlanes(planes: Planes, fn: (plane: Float32Array) => Float32Array): Planes {
  const out: Planes = { y: fn(planes.y) };
  if (planes.cb && planes.cr) {
    out.cb = fn(planes.cb);
    out.cr = fn(planes.cr);
  }
  if (planes.alpha) out.alpha = fn(planes.alpha);
  return out;
}

/**
 * Interleaves planes (0..255) into an image of the input's array type: 8-bit data rounded half away
 * from zero and clamped like MATLAB's uint8(), float data clamped to 0..255 but not rounded.
 */
export function mergePlanes<D extends PixelData>(
  planes: Planes,
  width: number,
  height: number,
  like: D,
): VdsrImage<D> {
  const channels = planes.alpha ? 4 : planes.cb ? 3 : 1;
  const count = width * height;
  let values = planes.y;
  if (planes.cb && planes.cr) {
    values = new Float32Array(count * channels);
    ycbcrPlanesToRgb(planes.y, planes.cb, planes.cr, values, channels as 3 | 4);
    const { alpha } = planes;
    if (alpha) for (let p = 0; p < count; p++) values[p * 4 + 3] = alpha[p]!;
  }
  const round = !(like instanceof Float32Array);
  // By class rather than like.constructor: a Node Buffer is a Uint8Array whose constructor is deprecated.
  const data = (
    like instanceof Uint8ClampedArray
      ? new Uint8ClampedArray(values.length)
      : round
        ? new Uint8Array(values.length)
        : values
  ) as D;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    data[i] = v <= 0 ? 0 : v >= 255 ? 255 : round ? Math.round(v) : v;
  }
  return { width, height, channels, data };
}
