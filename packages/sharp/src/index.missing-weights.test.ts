import { VdsrError } from '@vdsr/core';
import { loadWeights } from '@vdsr/weights';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import * as api from './index.js';
import { gradient } from './test-images.js';

// @vdsr/weights as it behaves when its file is missing (its own tests cover how it finds that out).
vi.mock('@vdsr/weights', () => ({ loadWeights: vi.fn() }));

describe('@vdsr/sharp without installed weights', () => {
  it('loads the release weights only when none are given, and reports their absence as it is', async () => {
    const missing = new VdsrError(
      'E_WEIGHTS',
      'No trained VDSR weights are installed (see training/README.md)',
    );
    vi.mocked(loadWeights).mockRejectedValue(missing);
    const png = await gradient(8, 8).png().toBuffer();
    await expect(api.upscale(sharp(png), { scale: 2 })).rejects.toBe(missing);
    await expect(api.upscaleBuffer(png, { scale: 2 })).rejects.toBe(missing);
    expect(loadWeights).toHaveBeenCalledTimes(2);
  });
});
