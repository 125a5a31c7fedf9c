import { existsSync } from 'node:fs';
import { weightsPath } from '@vdsr/weights';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import { gradient } from './test-images.js';

const installed = existsSync(weightsPath);

describe('@vdsr/sharp', () => {
  it('exports its API', () => {
    expect(Object.keys(api).sort()).toEqual(['DEFAULT_LIMIT_INPUT_PIXELS', 'upscale', 'upscaleBuffer']);
    expect(api.DEFAULT_LIMIT_INPUT_PIXELS).toBe(268402689);
  });

  it.skipIf(installed)('says that no weights are installed when none are given', async () => {
    const png = await gradient(8, 8).png().toBuffer();
    await expect(api.upscale(sharp(png), { scale: 2 })).rejects.toMatchObject({
      code: 'E_WEIGHTS',
      message: expect.stringContaining('training/README.md'),
    });
  });

  // Runs once the trained weights are committed to @vdsr/weights.
  it.skipIf(!installed)('upscales with the release weights and the auto backend by default', async () => {
    const png = await gradient(24, 16).png().toBuffer();
    const output = await api.upscaleBuffer(png, { scale: 2 });
    expect(await sharp(output).metadata()).toMatchObject({ format: 'png', width: 48, height: 32 });
  });
});
