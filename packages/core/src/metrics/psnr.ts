import { comparedRegion } from './region.js';

/**
 * PSNR in dB on 0..255 planes, `shave` pixels removed from every border: 10 log10(255^2 / MSE), the
 * MSE in float64. Identical regions give Infinity.
 */
export function psnrPlane(
  a: Float32Array,
  b: Float32Array,
  width: number,
  height: number,
  shave = 0,
): number {
  const r = comparedRegion(a, b, width, height, shave, 1);
  let sum = 0;
  for (let y = r.y0; y < r.y0 + r.height; y++) {
    for (let i = y * width + r.x0, end = i + r.width; i < end; i++) {
      const d = a[i]! - b[i]!;
      sum += d * d;
    }
  }
  const mse = sum / (r.width * r.height);
  return 10 * Math.log10((255 * 255) / mse);
}
