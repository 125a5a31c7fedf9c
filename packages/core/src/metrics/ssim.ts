import { comparedRegion } from './region.js';

const WINDOW = 11;
const SIGMA = 1.5;
const L = 255;
const C1 = (0.01 * L) ** 2;
const C2 = (0.03 * L) ** 2;

/**
 * fspecial('gaussian', 11, 1.5) is the outer product of this normalised 1-D kernel with itself, so
 * the 2-D 'valid' filter (filter2) runs as two 1-D passes.
 */
const KERNEL = (() => {
  const half = (WINDOW - 1) / 2;
  const k = Float64Array.from({ length: WINDOW }, (_, i) =>
    Math.exp(-((i - half) ** 2) / (2 * SIGMA * SIGMA)),
  );
  const sum = k.reduce((s, v) => s + v, 0);
  return k.map((v) => v / sum);
})();

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
  const w = r.width - WINDOW + 1;
  const h = r.height - WINDOW + 1;
  // The window's horizontal pass for the last WINDOW rows (a ring), for the five local moments
  // filter2 needs: E[a], E[b], E[a^2], E[b^2], E[ab]. Memory stays O(width) on any image.
  const ring = () => new Float64Array(WINDOW * w);
  const [ma, mb, maa, mbb, mab] = [ring(), ring(), ring(), ring(), ring()];
  const filterRow = (row: number) => {
    const slot = (row % WINDOW) * w;
    const base = (r.y0 + row) * width + r.x0;
    for (let x = 0; x < w; x++) {
      let sa = 0;
      let sb = 0;
      let saa = 0;
      let sbb = 0;
      let sab = 0;
      for (let k = 0; k < WINDOW; k++) {
        const g = KERNEL[k]!;
        const va = a[base + x + k]!;
        const vb = b[base + x + k]!;
        sa += g * va;
        sb += g * vb;
        saa += g * va * va;
        sbb += g * vb * vb;
        sab += g * va * vb;
      }
      ma[slot + x] = sa;
      mb[slot + x] = sb;
      maa[slot + x] = saa;
      mbb[slot + x] = sbb;
      mab[slot + x] = sab;
    }
  };
  for (let row = 0; row < WINDOW - 1; row++) filterRow(row);
  const slots = new Int32Array(WINDOW);
  let sum = 0;
  for (let y = 0; y < h; y++) {
    filterRow(y + WINDOW - 1);
    for (let k = 0; k < WINDOW; k++) slots[k] = ((y + k) % WINDOW) * w;
    for (let x = 0; x < w; x++) {
      let m1 = 0;
      let m2 = 0;
      let e11 = 0;
      let e22 = 0;
      let e12 = 0;
      for (let k = 0; k < WINDOW; k++) {
        const g = KERNEL[k]!;
        const i = slots[k]! + x;
        m1 += g * ma[i]!;
        m2 += g * mb[i]!;
        e11 += g * maa[i]!;
        e22 += g * mbb[i]!;
        e12 += g * mab[i]!;
      }
      const sigma1 = e11 - m1 * m1;
      const sigma2 = e22 - m2 * m2;
      const sigma12 = e12 - m1 * m2;
      sum += ((2 * m1 * m2 + C1) * (2 * sigma12 + C2)) / ((m1 * m1 + m2 * m2 + C1) * (sigma1 + sigma2 + C2));
    }
  }
  return sum / (w * h);
}
