import { createRandomWeights, listBackends, resolveBackend, VDSR_PAPER } from '@vdsr/core';
import { describe, expect, it } from 'vitest';
import { webglTileLimits } from './limits.js';

describe('package entry', () => {
  it("registers 'tfjs-webgl' at 12 on import, above onnxruntime-web (10)", async () => {
    expect(listBackends().map((b) => b.name)).not.toContain('tfjs-webgl');
    const entry = await import('./index.js');
    expect(listBackends()).toEqual([
      { name: 'tfjs-webgl', priority: 12 },
      { name: 'reference', priority: 0 },
    ]);
    expect(Object.keys(entry).sort()).toEqual([
      'SOFTWARE_PRIORITY',
      'WEBGL_MEMORY_BUDGET',
      'createTfjsBackend',
      'tfjsWebglBackend',
      'webglPrecision',
      'webglTileLimits',
    ]);
  });

  it("is unavailable without WebGL2, saying so, and 'auto' passes over it", async () => {
    const { tfjsWebglBackend } = await import('./index.js');
    expect(await tfjsWebglBackend.isAvailable()).toEqual({
      available: false,
      reason:
        'tfjs-webgl could not be loaded: WebGL2 is not available here: no canvas (not a browser or a worker)',
    });
    await expect(tfjsWebglBackend.createSession(createRandomWeights(1, VDSR_PAPER))).rejects.toMatchObject({
      code: 'E_BACKEND',
    });
    expect((await resolveBackend()).name).toBe('reference');
  });
});

describe('webglTileLimits', () => {
  it("keeps a tile's 3x3 im2col (9 x channels values a pixel) within one square texture", () => {
    expect(webglTileLimits(16384, 64, 3)).toEqual({ maxTileSide: 16384, maxTilePixels: 466033 });
    expect(webglTileLimits(4096, 64, 3)).toEqual({ maxTileSide: 4096, maxTilePixels: 29127 });
    expect(webglTileLimits(512, 8, 3)).toEqual({ maxTileSide: 512, maxTilePixels: 3640 });
  });
});
