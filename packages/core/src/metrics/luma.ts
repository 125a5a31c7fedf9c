import { lumaPlane } from '../colour/ycbcr.js';
import { type ImageInput, toImage } from '../image.js';

/**
 * The luma the metrics compare: lumaPlane, rounded to integers when the image is 8-bit. MATLAB's
 * rgb2ycbcr returns uint8 for uint8 input (round half away from zero), and the published bicubic
 * rows were measured on that. Unrounded, Set5 x2 reads 33.682 dB against the published 33.66; rounded
 * (both images), all six pairs are within 0.02 dB: Set5 x2/x3/x4 33.649 / 30.386 / 28.419 (published
 * 33.66 / 30.39 / 28.42), Set14 30.224 / 27.533 / 25.993 (30.24 / 27.55 / 26.00). Float32 images keep
 * unrounded luma; a grey image's luma is its grey value.
 */
export function metricLumaPlane(image: ImageInput): Float32Array {
  const input = toImage(image);
  const y = lumaPlane(input);
  if (input.data instanceof Float32Array) return y;
  // 8-bit luma is in 16..235, so Math.round is round half away from zero here. Its float32 value
  // rounds as the exact rational does: no 8-bit colour's luma lies within float32 error of a half
  // without being one.
  for (let i = 0; i < y.length; i++) y[i] = Math.round(y[i]!);
  return y;
}
