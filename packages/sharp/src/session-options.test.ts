import { referenceBackend, registerBackend, type SessionOptions, unregisterBackend } from '@vdsr/core';
import { afterAll, describe, expect, it } from 'vitest';
import { upscaleBuffer } from './buffer.js';
import { gradient, testWeights } from './test-images.js';

declare module '@vdsr/core' {
  interface SessionOptions {
    /** Only for this test: an option no backend here knows. */
    vdsrTestFlag?: string;
  }
}

const received: SessionOptions[] = [];
registerBackend('session-options-spy', () => ({
  name: 'session-options-spy',
  isAvailable: () => referenceBackend.isAvailable(),
  createSession(weights, options) {
    received.push({ ...options });
    return referenceBackend.createSession(weights, options);
  },
}));
afterAll(() => unregisterBackend('session-options-spy'));

describe('sessionOptions', () => {
  it('reach the backend as given', async () => {
    const png = await gradient(8, 8).png().toBuffer();
    const sessionOptions = { threads: 1, vdsrTestFlag: 'on' };
    await upscaleBuffer(
      png,
      { scale: 2 },
      { weights: testWeights, backend: 'session-options-spy', sessionOptions },
    );
    expect(received).toEqual([sessionOptions]);
  });

  it('are refused with an upscaler, and may not hold weights or backend', async () => {
    const png = await gradient(8, 8).png().toBuffer();
    const upscaler = { upscale: () => Promise.reject(new Error('unused')) } as never;
    await expect(upscaleBuffer(png, { scale: 2 }, { upscaler, sessionOptions: {} })).rejects.toMatchObject({
      code: 'E_ARG',
    });
    await expect(
      upscaleBuffer(png, { scale: 2 }, { weights: testWeights, sessionOptions: { backend: 'x' } as never }),
    ).rejects.toMatchObject({ code: 'E_ARG', details: { option: 'options.sessionOptions.backend' } });
  });
});
