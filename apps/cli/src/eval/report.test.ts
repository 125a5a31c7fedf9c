import { describe, expect, it } from 'vitest';
import type { EvalRow } from './evaluate.js';
import { formatEvalReport } from './report.js';

const images = (psnr: number) => [{ name: 'bird', psnr, ssim: 0.9 }];
const rows: EvalRow[] = [2, 3].flatMap((scale): EvalRow[] => [
  { dataset: 'Set5', scale, method: 'bicubic', psnr: 30, ssim: 0.8, images: images(30) },
  { dataset: 'Set5', scale, method: 'vdsr', psnr: 33, ssim: 0.9, images: images(33), seconds: 2 },
  {
    dataset: 'Set5',
    scale,
    method: 'ensemble',
    psnr: 33.25,
    ssim: 0.91,
    images: images(33.25),
    seconds: 16.5,
    transforms: 8,
  },
]);

describe('formatEvalReport', () => {
  it('gives the ensemble its own columns, the seconds per row and the time ratio', () => {
    const text = formatEvalReport(rows);
    expect(text).toMatch(/^image\s+bicubic PSNR\s+SSIM\s+VDSR PSNR\s+SSIM\s+VDSR ens\.8 PSNR\s+SSIM$/m);
    expect(text).toMatch(/^bird\s+30\.00\s+0\.9000\s+33\.00\s+0\.9000\s+33\.25\s+0\.9000$/m);
    expect(text).toMatch(
      /^Set5\s+x3\s+30\.00\s+0\.8000\s+33\.00\s+0\.9000\s+33\.25\s+0\.9100\s+2\.0\s+16\.5$/m,
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Network time: VDSR 4.0 s, VDSR ens.8 33.0 s, ratio x8.25',
    );
  });

  it('prints no time line for the bicubic baseline alone', () => {
    const text = formatEvalReport(rows.filter((r) => r.method === 'bicubic'));
    expect(text).not.toContain('Network time');
    expect(text).toMatch(/^Set5\s+x2\s+30\.00\s+0\.8000$/m);
  });
});
