import { createRandomWeights, referenceBackend, upscale, VDSR_PAPER } from '@vdsr/core';
import { maxAbsDiff, PRECISION_TOLERANCE, randomPlane } from '@vdsr/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dawnDevice, withLimits } from './dawn.fixture.js';
import { webgpuBackend } from './node.js';

const THIN_ARCHITECTURE = { ...VDSR_PAPER, channels: 8 };
const THIN = createRandomWeights(41, THIN_ARCHITECTURE);
const PAPER = createRandomWeights(2016, VDSR_PAPER);

async function rejection(
  promise: Promise<unknown>,
): Promise<{ code?: string; cause?: unknown } | 'resolved'> {
  return promise.then(
    () => 'resolved' as const,
    (error) => error,
  );
}

let device: GPUDevice;
beforeAll(async () => {
  device = await dawnDevice();
});
afterAll(() => device.destroy());

describe('webgpu session limits', () => {
  it('sizes tiles from the device: activations of 16 bytes per channel group within the binding limit', async () => {
    const session = await webgpuBackend.createSession(PAPER, { gpuDevice: device });
    const { maxStorageBufferBindingSize, maxBufferSize, maxComputeWorkgroupsPerDimension } = device.limits;
    expect(session.limits).toEqual({
      maxTilePixels: Math.floor(Math.min(maxStorageBufferBindingSize, maxBufferSize) / (16 * 16)),
      maxTileSide: maxComputeWorkgroupsPerDimension * 8,
    });
    await session.dispose();
  });

  it('keeps an upscale within a small binding limit, tile by tile, and matches the reference', async () => {
    // 64 KiB over 2 groups x 16 bytes: at most 2048 pixels a tile.
    const small = withLimits(device, { maxStorageBufferBindingSize: 64 * 1024 });
    const session = await webgpuBackend.createSession(THIN, { gpuDevice: small });
    expect(session.limits?.maxTilePixels).toBe(2048);
    const sizes: number[] = [];
    const counted = {
      ...session,
      backend: session.backend,
      limits: session.limits,
      run: (y: Float32Array, w: number, h: number, signal?: AbortSignal) => {
        sizes.push(w * h);
        return session.run(y, w, h, signal);
      },
      dispose: () => session.dispose(),
    };
    const image = {
      width: 30,
      height: 24,
      channels: 1 as const,
      data: new Uint8Array(30 * 24).map((_, i) => (i * 37) % 256),
    };
    const options = { architecture: THIN_ARCHITECTURE };
    const got = await upscale(image, { scale: 2 }, { ...options, session: counted });
    const expected = await upscale(
      image,
      { scale: 2 },
      { ...options, session: await referenceBackend.createSession(THIN) },
    );
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2048);
    expect(got.data.every((v, i) => Math.abs(v - expected.data[i]!) <= 1)).toBe(true);
    expect(await rejection(session.run(randomPlane(50, 50, 1), 50, 50))).toMatchObject({ code: 'E_LIMIT' });
    await session.dispose();
  });

  it('splits the hidden layers into output blocks whose weights fit the uniform binding limit', async () => {
    // 12 channels: 3 groups, so one group a block (1728 bytes of weights, bound at 256-byte offsets).
    const architecture = { ...VDSR_PAPER, depth: 5, channels: 12 };
    const weights = createRandomWeights(7, architecture);
    const y = randomPlane(37, 21, 3);
    const expected = await (await referenceBackend.createSession(weights)).run(y, 37, 21);
    const small = withLimits(device, { maxUniformBufferBindingSize: 2048 });
    const session = await webgpuBackend.createSession(weights, { gpuDevice: small });
    expect(maxAbsDiff(await session.run(y, 37, 21), expected)).toBeLessThan(PRECISION_TOLERANCE.f32);
    await session.dispose();
    const tooSmall = withLimits(device, { maxUniformBufferBindingSize: 1024 });
    expect(await rejection(webgpuBackend.createSession(weights, { gpuDevice: tooSmall }))).toMatchObject({
      code: 'E_LIMIT',
      details: { limit: 'maxUniformBufferBindingSize', value: 12, max: 4 },
    });
  });
});

describe('webgpu session failures', () => {
  it('rejects with E_BACKEND when the device refuses a buffer, frees it, and runs smaller tiles afterwards', async () => {
    // The session believes in 8 GiB buffers; the device (default limits: 256 MiB) refuses the
    // 4.5 GB activation buffers of a 4200 x 4200 tile of the paper's 64 channels.
    const lying = withLimits(device, { maxBufferSize: 2 ** 33, maxStorageBufferBindingSize: 2 ** 33 });
    const session = await webgpuBackend.createSession(PAPER, { gpuDevice: lying });
    const side = 4200;
    expect(side * side * 256).toBeGreaterThan(device.limits.maxBufferSize);
    const error = await rejection(session.run(new Float32Array(side * side), side, side));
    expect(error).toMatchObject({ code: 'E_BACKEND' });
    expect((error as { cause?: unknown }).cause).toBeDefined();
    expect((error as Error).message).toMatch(/could not allocate buffers for 17640000 pixels: ./);
    const y = randomPlane(9, 7, 3);
    const expected = await (await referenceBackend.createSession(PAPER)).run(y, 9, 7);
    const out = await session.run(y, 9, 7);
    expect(maxAbsDiff(out, expected)).toBeLessThanOrEqual(PRECISION_TOLERANCE.f32);
    await session.dispose();
  });

  it('rejects with E_BACKEND when its device is destroyed mid-run, and every later run fails cleanly', async () => {
    const own = await dawnDevice();
    const session = await webgpuBackend.createSession(THIN, { gpuDevice: own });
    await session.run(randomPlane(8, 8, 1), 8, 8);
    const running = session.run(randomPlane(200, 150, 2), 200, 150);
    setTimeout(() => own.destroy(), 5);
    expect(await rejection(running)).toMatchObject({ code: 'E_BACKEND' });
    await own.lost;
    const later = await rejection(session.run(randomPlane(8, 8, 1), 8, 8));
    expect(later).toMatchObject({ code: 'E_BACKEND' });
    expect(String((later as Error).message)).toMatch(/lost/);
    await session.dispose();
  });

  it('rejects with E_ABORTED when the signal fires during a run, and stays usable', async () => {
    const session = await webgpuBackend.createSession(THIN, { gpuDevice: device });
    const controller = new AbortController();
    const running = session.run(randomPlane(64, 64, 4), 64, 64, controller.signal);
    controller.abort(new Error('user'));
    expect(await rejection(running)).toMatchObject({ code: 'E_ABORTED' });
    const y = randomPlane(10, 12, 5);
    const expected = await (await referenceBackend.createSession(THIN)).run(y, 10, 12);
    const out = await session.run(y, 10, 12);
    expect(maxAbsDiff(out, expected)).toBeLessThanOrEqual(PRECISION_TOLERANCE.f32);
    await session.dispose();
  });
});
