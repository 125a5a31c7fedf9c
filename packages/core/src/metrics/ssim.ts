import { comparedRegion } from './region.js';

const WINDOW = 11;
const SIGMA = 1.5;
const L = 255;
const C1 = (0.01 * L) ** 2;
const C2 = (0.03 * L) ** 2;

/**
 * fspecial('gaussian', 11, 1.5) is the outer product of this normalised 1-D kernel with itself, so
 * the 2-D 'valid' filter runs as two 1-D passes.
 */
const KERNEL = (() => {
  const half = (WINDOW - 1) / 2;
  const k = Float64Array.from({ length: WINDOW }, (_, i) =>
    Math.exp(-((i - half) ** 2) / (2 * SIGMA * SIGMA)),
  );
  const sum = k.reduce((s, v) => s + v, 0);
  return k.map((v) => v / sum);
})();

/** MATLAB filter2(window, plane, 'valid') with the separable Gaussian window. */
function validFilter(plane: Float64Array, width: number, height: number): Float64Array {
  const w = width - WINDOW + 1;
  const h = height - WINDOW + 1;
  const rows = new Float64Array(w * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = 0; k < WINDOW; k++) s += KERNEL[k]! * plane[y * width + x + k]!;
      rows[y * w + x] = s;
    }
  }
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let k = 0; k < WINDOW; k++) {
      const weight = KERNEL[k]!;
      const src = (y + k) * w;
      for (let x = 0; x < w; x++) out[y * w + x]! += weight * rows[src + x]!;
    }
  }
  return out;
}

/**
 * Mean SSIM as Wang et al.'s ssim.m computes it (11 x 11 Gaussian window, sigma 1.5, K1 0.01,
 * K2 0.03, L 255, 'valid' filtering, mean of the map, in float64), on 0..255 planes with `shave`
 * pixels removed from every border. Like ssim_index.m, and unlike the 2009 ssim.m, large images are
 * not downsampled first: the SR benchmarks' figures are computed without it. The region left must be
 * at least 11 x 11.
 */
export function ssimPlane(
  a: Float32Array,
  b: Float32Array,
  width: number,
  height: number,
  shave = 0,
): number {
  const r = comparedRegion(a, b, width, height, shave, WINDOW);
  const n = r.width * r.height;
  const [pa, pb, aa, bb, ab] = [
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
  ];
  for (let y = 0, o = 0; y < r.height; y++) {
    for (let x = 0, i = (r.y0 + y) * width + r.x0; x < r.width; x++, i++, o++) {
      const va = a[i]!;
      const vb = b[i]!;
      pa[o] = va;
      pb[o] = vb;
      aa[o] = va * va;
      bb[o] = vb * vb;
      ab[o] = va * vb;
    }
  }
  const mu1 = validFilter(pa, r.width, r.height);
  const mu2 = validFilter(pb, r.width, r.height);
  const s11 = validFilter(aa, r.width, r.height);
  const s22 = validFilter(bb, r.width, r.height);
  const s12 = validFilter(ab, r.width, r.height);
  let sum = 0;
  for (let i = 0; i < mu1.length; i++) {
    const m1 = mu1[i]!;
    const m2 = mu2[i]!;
    const sigma1 = s11[i]! - m1 * m1;
    const sigma2 = s22[i]! - m2 * m2;
    const sigma12 = s12[i]! - m1 * m2;
    sum += ((2 * m1 * m2 + C1) * (2 * sigma12 + C2)) / ((m1 * m1 + m2 * m2 + C1) * (sigma1 + sigma2 + C2));
  }
  return sum / mu1.length;
}
