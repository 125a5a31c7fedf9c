import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import { gradient } from './test-images.js';

describe('@vdsr/sharp', () => {
  it('exports its API', () => {
    expect(Object.keys(api).sort()).toEqual(['DEFAULT_LIMIT_INPUT_PIXELS', 'upscale', 'upscaleBuffer']);
    expect(api.DEFAULT_LIMIT_INPUT_PIXELS).toBe(268402689);
  });

  it('upscales with the release weights and the auto backend by default', async () => {
    const png = await gradient(24, 16).png().toBuffer();
    const output = await api.upscaleBuffer(png, { scale: 2 });
    expect(await sharp(output).metadata()).toMatchObject({ format: 'png', width: 48, height: 32 });
  });
});
