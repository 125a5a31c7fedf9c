import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackendSession } from '../backend.js';
import { VDSR_PAPER } from '../graph/architecture.js';
import type { ImageInput, PixelData, VdsrImage } from '../image.js';
import { referenceBackend } from '../reference/backend.js';
import { resizePlane } from '../resize/plane.js';
import { type ResizeTarget, targetSize } from '../resize/target.js';
import { randomImage } from '../testing/fixtures.js';
import { runTiled } from '../tiling/run.js';
import { createRandomWeights } from '../weights/random.js';
import { mapPlanes, mergePlanes, splitPlanes } from './planes.js';
import { type ImageStrip, upscaleStrips } from './strips.js';
import { upscale } from './upscale.js';

const architecture = { ...VDSR_PAPER, channels: 4 };
const session = await referenceBackend.createSession(createRandomWeights(6, architecture));
const shallow = { ...VDSR_PAPER, depth: 2, channels: 4 };
const shallowSession = await referenceBackend.createSession(createRandomWeights(7, shallow));
const copySession: BackendSession = {
  backend: 'copy',
  run: async (y) => Float32Array.from(y),
  dispose: async () => {},
};

/**
 * The pipeline as it was before strips, every plane of the whole output held at once: the oracle
 * the strips must match bit for bit.
 */
async function wholeImageUpscale<D extends PixelData>(
  image: VdsrImage<D>,
  target: ResizeTarget,
  s: BackendSession,
  options: { tileSize?: number; memoryBudget?: number; channels: number; halo: number },
): Promise<VdsrImage<D>> {
  const size = targetSize(image.width, image.height, target);
  const scale = { x: size.scaleX, y: size.scaleY };
  const planes = mapPlanes(splitPlanes(image), (p) =>
    resizePlane(p, image.width, image.height, size.width, size.height, scale),
  );
  const y = planes.y.map((v) => v / 255);
  const refined = (await runTiled(s, y, size.width, size.height, options)).map((v) => v * 255);
  return mergePlanes({ ...planes, y: refined }, size.width, size.height, image.data);
}

/** Bit-identical images: same size, channels, array type and bytes (toEqual is slow on big arrays). */
function expectSameImage(actual: VdsrImage, expected: VdsrImage): void {
  expect([actual.width, actual.height, actual.channels]).toEqual([
    expected.width,
    expected.height,
    expected.channels,
  ]);
  expect(actual.data.constructor).toBe(expected.data.constructor);
  const bytes = (data: PixelData) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  expect(bytes(actual.data).equals(bytes(expected.data))).toBe(true);
}

async function collect<D extends PixelData>(
  image: ImageInput<D>,
  target: ResizeTarget,
  options: Parameters<typeof upscaleStrips>[3],
): Promise<ImageStrip<D>[]> {
  const strips: ImageStrip<D>[] = [];
  await upscaleStrips(image, target, (strip) => void strips.push(strip), options);
  return strips;
}

describe('upscaleStrips', () => {
  it('joins to the whole-image pipeline bit for bit: sizes, scales, channels, tiles (property)', async () => {
    const cases = fc.record({
      width: fc.integer({ min: 1, max: 32 }),
      height: fc.integer({ min: 1, max: 32 }),
      channels: fc.constantFrom(1 as const, 3 as const, 4 as const),
      float: fc.boolean(),
      target: fc.oneof(
        fc.double({ min: 1.05, max: 4, noNaN: true }).map((scale) => ({ scale })),
        fc.integer({ min: 2, max: 3 }).map((scale) => ({ scale })),
        fc.tuple(fc.double({ min: 1.1, max: 3, noNaN: true }), fc.double({ min: 1.1, max: 3, noNaN: true })),
      ),
      tileSize: fc.option(fc.integer({ min: 16, max: 64 }), { nil: undefined }),
      // 64 KiB: tiles of about 50 x 50 with the halo, so most outputs here take several bands.
      memoryBudget: fc.constantFrom(undefined, 2 ** 16),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ width, height, channels, float, target, tileSize, memoryBudget }) => {
        const image = randomImage(width, height, channels, width * 41 + height, float);
        const resolved = Array.isArray(target)
          ? { width: Math.ceil(width * target[0]), height: Math.ceil(height * target[1]) }
          : target;
        const options = { session, architecture, tileSize, memoryBudget };
        const strips = await collect(image, resolved, options);
        const expected = await wholeImageUpscale(image, resolved, session, {
          tileSize,
          memoryBudget,
          channels: 4,
          halo: 20,
        });
        let row = 0;
        for (const strip of strips) {
          expect([strip.y, strip.width, strip.channels, strip.imageHeight]).toEqual([
            row,
            expected.width,
            channels,
            expected.height,
          ]);
          row += strip.height;
        }
        expect(row).toBe(expected.height);
        const joined = await upscale(image, resolved, options);
        expectSameImage(joined, expected);
        expect(joined.data.constructor).toBe(image.data.constructor);
      }),
      { numRuns: 12, seed: 20260315 },
    );
  });

  it('cuts wide bands into strips of bounded size, still bit-identical', async () => {
    // One band (the default budget holds it whole), cut into strips of at most 2^18 pixels; the
    // network is left out (an identity session) to keep this fast.
    const image = randomImage(700, 120, 4, 3);
    const options = { session: copySession, architecture: shallow };
    const strips = await collect(image, { scale: 2 }, options);
    expect(strips.length).toBeGreaterThanOrEqual(2);
    for (const strip of strips) expect(strip.width * strip.height).toBeLessThanOrEqual(2 ** 18);
    const whole = await wholeImageUpscale(image, { scale: 2 }, copySession, {
      channels: 4,
      halo: 2,
    });
    expectSameImage(await upscale(image, { scale: 2 }, options), whole);
  });

  it('waits for the consumer and stops with E_ABORTED when aborted from it', async () => {
    const image = randomImage(60, 40, 3, 2);
    const options = { session: shallowSession, architecture: shallow, memoryBudget: 2 ** 16 };
    const order: string[] = [];
    await upscaleStrips(
      image,
      { scale: 2 },
      async (strip) => {
        order.push(`start ${strip.y}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(`end ${strip.y}`);
      },
      options,
    );
    for (let i = 0; i < order.length; i += 2) expect(order[i + 1]).toBe(order[i]!.replace('start', 'end'));
    const controller = new AbortController();
    const seen: number[] = [];
    const aborted = upscaleStrips(
      image,
      { scale: 2 },
      (strip) => {
        seen.push(strip.y);
        controller.abort();
      },
      { ...options, signal: controller.signal },
    );
    await expect(aborted).rejects.toMatchObject({ code: 'E_ABORTED' });
    expect(seen).toEqual([0]);
  });

  it('refuses NaN and Infinity samples, tiles below the minimum and a missing consumer with E_ARG', async () => {
    const image = randomImage(4, 4, 3, 1, true);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const data = Float32Array.from(image.data);
      data[7] = bad;
      await expect(upscale({ ...image, data }, { scale: 2 }, { session })).rejects.toMatchObject({
        code: 'E_ARG',
        message: `Expected finite samples in image.data but received ${bad} at index 7`,
      });
    }
    await expect(upscale(image, { scale: 2 }, { session, tileSize: 1 })).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected an integer >= 16 for tileSize but received number 1',
    });
    await expect(upscaleStrips(image, { scale: 2 }, null as never, { session })).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected a function for onStrip but received null',
    });
  });
});
