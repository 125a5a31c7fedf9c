import { createRandomWeights, referenceBackend, VDSR_PAPER } from '@vdsr/core';
import { maxAbsDiff, PRECISION_TOLERANCE, randomPlane } from '@vdsr/core/testing';
import { describe, expect, it } from 'vitest';
import { dawnDevice } from './dawn.fixture.js';
import { webgpuBackend } from './node.js';

const THIN = createRandomWeights(41, { ...VDSR_PAPER, channels: 8 });
const PAPER = createRandomWeights(2016, VDSR_PAPER);

async function code(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code ?? String(error),
  );
}

describe('webgpu backend on Dawn + lavapipe', () => {
  it('is available on the software adapter, ranked below the wasm backends', async () => {
    expect(await webgpuBackend.isAvailable()).toEqual({ available: true, priority: 5 });
  });

  it('rejects options it cannot honour with E_ARG', async () => {
    for (const options of [
      { precision: 'int8' },
      { powerPreference: 'fast' },
      { gpuDevice: {} },
      { gpu: 'dawn' },
    ]) {
      expect(await code(webgpuBackend.createSession(THIN, options as never))).toBe('E_ARG');
    }
  });

  it('runs on an application device it shares and leaves that device alive on dispose', async () => {
    const device = await dawnDevice();
    let lost = false;
    device.lost.then(() => {
      lost = true;
    });
    const session = await webgpuBackend.createSession(THIN, { gpuDevice: device });
    const y = randomPlane(21, 13, 1);
    const expected = await (await referenceBackend.createSession(THIN)).run(y, 21, 13);
    expect(maxAbsDiff(await session.run(y, 21, 13), expected)).toBeLessThanOrEqual(PRECISION_TOLERANCE.f32);
    await session.dispose();
    await new Promise((done) => setTimeout(done, 50));
    expect(lost).toBe(false);
    device.destroy();
  });

  it("computes in halves with precision 'f16' where the adapter has shader-f16, within the f16 tolerance", async () => {
    const session = await webgpuBackend.createSession(PAPER, { precision: 'f16' });
    expect(session.precision).toBe('f16');
    const y = randomPlane(17, 11, 2);
    const expected = await (await referenceBackend.createSession(PAPER)).run(y, 17, 11);
    const diff = maxAbsDiff(await session.run(y, 17, 11), expected);
    await session.dispose();
    // Above f32's rounding, so the halves were really used; within what the contract allows f16.
    expect(diff).toBeGreaterThan(1e-5);
    expect(diff).toBeLessThanOrEqual(PRECISION_TOLERANCE.f16);
  });
});
