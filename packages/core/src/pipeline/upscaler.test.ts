import { describe, expect, it } from 'vitest';
import '../index.js'; // registers the reference backend, as importing @vdsr/core does
import { VDSR_PAPER } from '../graph/architecture.js';
import type { VdsrImage } from '../image.js';
import { referenceBackend } from '../reference/backend.js';
import { randomImage } from '../testing/fixtures.js';
import { createRandomWeights } from '../weights/random.js';
import { upscale } from './upscale.js';
import { createUpscaler } from './upscaler.js';

describe('createUpscaler', () => {
  it('opens one session on the resolved backend and upscales like upscale() on it', async () => {
    const weights = createRandomWeights(3, { ...VDSR_PAPER, depth: 4, channels: 4 });
    const upscaler = await createUpscaler({ weights, backend: 'auto', threads: 1 });
    expect(upscaler.backend).toBe('reference');
    const session = await referenceBackend.createSession(weights);
    for (const image of [randomImage(7, 5, 3, 1), randomImage(3, 9, 4, 2, true)] as VdsrImage[]) {
      expect(await upscaler.upscale(image, { scale: 2 })).toEqual(
        await upscale(image, { scale: 2 }, { session, architecture: weights.architecture }),
      );
    }
    await upscaler.dispose();
    await upscaler.dispose();
    await expect(upscaler.upscale(randomImage(2, 2, 1, 1), { scale: 2 })).rejects.toMatchObject({
      code: 'E_BACKEND',
      message: 'The upscaler was disposed; create a new one to upscale',
    });
  });

  it("takes the halo from the weights' receptive radius, so deep nets still tile exactly", async () => {
    // Depth 25: a 25 px radius, which the default 20 px halo would not cover.
    const weights = createRandomWeights(4, { ...VDSR_PAPER, depth: 25, channels: 4 });
    const upscaler = await createUpscaler({ weights });
    const image = randomImage(30, 30, 1, 3, true);
    const whole = await upscaler.upscale(image, { scale: 2 });
    expect(await upscaler.upscale(image, { scale: 2 }, { tileSize: 20 })).toEqual(whole);
    const session = await referenceBackend.createSession(weights);
    expect(await upscale(image, { scale: 2 }, { session, tileSize: 20 })).not.toEqual(whole);
    await upscaler.dispose();
  });

  it('applies its ensemble to every upscale that does not give its own', async () => {
    const weights = createRandomWeights(3, { ...VDSR_PAPER, depth: 4, channels: 4 });
    const session = await referenceBackend.createSession(weights);
    const image = randomImage(7, 5, 3, 1);
    const direct = (ensemble?: 2 | 8) =>
      upscale(image, { scale: 2 }, { session, architecture: weights.architecture, ensemble });
    const upscaler = await createUpscaler({ weights, ensemble: 2 });
    expect(await upscaler.upscale(image, { scale: 2 })).toEqual(await direct(2));
    expect(await upscaler.upscale(image, { scale: 2 }, { ensemble: 8 })).toEqual(await direct(8));
    expect(await upscaler.upscale(image, { scale: 2 }, { ensemble: false })).toEqual(await direct());
    await upscaler.dispose();
  });

  it('rejects bad options', async () => {
    const weights = createRandomWeights(3, { ...VDSR_PAPER, depth: 2, channels: 4 });
    await expect(createUpscaler(undefined as never)).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected an object with weights for options but received undefined',
    });
    await expect(createUpscaler({ weights, backend: 'tpu' })).rejects.toMatchObject({ code: 'E_BACKEND' });
    await expect(createUpscaler({ weights, ensemble: 16 as never })).rejects.toMatchObject({
      code: 'E_ARG',
      message:
        'Expected true, false or a number of transforms: 1, 2, 4 or 8 for options.ensemble but received number 16',
    });
    await expect(createUpscaler({ weights: { ...weights, layers: [] } })).rejects.toMatchObject({
      code: 'E_WEIGHTS',
    });
    const upscaler = await createUpscaler({ weights });
    await expect(
      upscaler.upscale(randomImage(2, 2, 1, 1), { scale: 2 }, null as never),
    ).rejects.toMatchObject({
      message: 'Expected an object for options but received null',
    });
    await upscaler.dispose();
  });
});
