import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandomWeights, createUpscaler, type Upscaler } from '@vdsr/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_NAME, cacheKey, DiskCache } from './cache.js';
import { createLimiter } from './limiter.js';
import { BuildProgress } from './progress.js';
import { type UpscaleJob, Upscales } from './upscales.js';

// A tiny random network on the reference backend: the real pipeline at test-sized cost.
const weights = createRandomWeights(5, {
  name: 'vdsr',
  depth: 3,
  channels: 4,
  kernelSize: 3,
  residual: true,
});

describe('Upscales', () => {
  let dir: string;
  let upscaler: Upscaler;
  let input: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vdsr-cache-'));
    upscaler = await createUpscaler({ weights, backend: 'reference' });
    input = await sharp({ create: { width: 9, height: 7, channels: 3, background: '#c84' } })
      .png()
      .toBuffer();
  });
  afterAll(async () => {
    await upscaler?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  function upscales(cache: DiskCache) {
    const lazy = { get: async () => upscaler, dispose: async () => undefined };
    const progress = new BuildProgress({ log: () => undefined });
    return new Upscales({ cache, upscaler: lazy, progress, limit: createLimiter(2) });
  }

  const job = (scale: number): UpscaleJob => ({
    name: `${cacheKey({ input, target: { scale }, weights: weights.contentHash })}.png`,
    input,
    target: { scale },
    label: `test.png ${scale}x`,
    pixels: Math.ceil(9 * scale) * Math.ceil(7 * scale),
  });

  it('makes an image asked for twice at once only once, then reads it from the cache', async () => {
    const cache = new DiskCache(join(dir, 'a'));
    const service = upscales(cache);
    const [one, two, other] = await Promise.all([
      service.get(job(2)),
      service.get(job(2)),
      service.get(job(3)),
    ]);
    expect(one).toBe(two);
    expect(other).not.toBe(one);
    expect(service.stats).toMatchObject({ upscaled: 2, cached: 0 });
    expect((await sharp(one).metadata()).width).toBe(18);

    const again = upscales(cache);
    expect(Buffer.compare(await again.get(job(2)), one)).toBe(0);
    expect(again.stats).toMatchObject({ upscaled: 0, cached: 1 });
    expect((await readdir(cache.dir)).sort()).toEqual([job(2).name, job(3).name].sort());
  });

  it('keys on the input, the target, the format and the weights', () => {
    const base = { input, target: { scale: 2 }, weights: 'w' };
    const keys = new Set([
      cacheKey(base),
      cacheKey({ ...base, input: Buffer.concat([input, Buffer.from([0])]) }),
      cacheKey({ ...base, target: { scale: 3 } }),
      cacheKey({ ...base, target: { width: 18 } }),
      cacheKey({ ...base, format: 'webp' }),
      cacheKey({ ...base, weights: 'v' }),
      cacheKey({ ...base, ensemble: 2 }),
      cacheKey({ ...base, ensemble: 8 }),
    ]);
    expect(keys.size).toBe(8);
    expect(`${cacheKey(base)}.png`).toMatch(CACHE_NAME);
    expect(cacheKey(base)).toBe(cacheKey({ ...base, input: Buffer.from(input) }));
  });
});

describe('DiskCache', () => {
  it('leaves no temporary file when the final rename fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vdsr-cache-'));
    try {
      const cache = new DiskCache(dir);
      await mkdir(join(dir, 'taken.png'));
      await mkdir(join(dir, 'taken.png', 'inside'));
      await expect(cache.write('taken.png', new Uint8Array([1, 2, 3]))).rejects.toThrow();
      expect(await readdir(dir)).toEqual(['taken.png']);
      await cache.write('fine.png', new Uint8Array([4, 5]));
      expect([...(await cache.read('fine.png'))!]).toEqual([4, 5]);
      expect(await cache.read('absent.png')).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
