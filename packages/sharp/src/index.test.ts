import { readFile } from 'node:fs/promises';
import { listBackends } from '@vdsr/core';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import * as api from './index.js';
import { gradient } from './test-images.js';

describe('@vdsr/sharp', () => {
  it('exports its API', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_LIMIT_INPUT_PIXELS',
      'outputFormat',
      'outputFormats',
      'planUpscaleBuffer',
      'upscale',
      'upscaleBuffer',
      'upscaleFile',
    ]);
    expect(api.DEFAULT_LIMIT_INPUT_PIXELS).toBe(268402689);
  });

  it('brings no backend: neither installs nor registers one (the application picks it)', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['@vdsr/weights']);
    expect(listBackends()).toEqual([{ name: 'reference', priority: 0 }]);
  });

  it("upscales with the release weights on the application's backend through 'auto' by default", async () => {
    // What an application does: import the backend it chose, which registers it.
    const { onnxruntimeBackend } = await import('@vdsr/backend-onnxruntime');
    const createSession = vi.spyOn(onnxruntimeBackend, 'createSession');
    const png = await gradient(24, 16).png().toBuffer();
    const output = await api.upscaleBuffer(png, { scale: 2 });
    expect(await sharp(output).metadata()).toMatchObject({ format: 'png', width: 48, height: 32 });
    expect(createSession).toHaveBeenCalledTimes(1);
  });
});
