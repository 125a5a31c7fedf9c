import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lumaPlane } from '../colour/ycbcr.js';
import type { VdsrError } from '../errors.js';
import { VDSR_PAPER } from '../graph/architecture.js';
import type { ImageInput, VdsrImage } from '../image.js';
import { referenceBackend } from '../reference/backend.js';
import { resizeImage } from '../resize/image.js';
import { resizePlane } from '../resize/plane.js';
import { MAX_RESIZE_PIXELS } from '../resize/target.js';
import { identityWeights, maxAbsDiff, randomImage } from '../testing/fixtures.js';
import type { TileProgress } from '../tiling/run.js';
import { createRandomWeights } from '../weights/random.js';
import { DEFAULT_MAX_OUTPUT_PIXELS, upscaleSize } from './options.js';
import { upscale } from './upscale.js';

const architecture = { ...VDSR_PAPER, channels: 4 };
const weights = createRandomWeights(5, architecture);
const session = await referenceBackend.createSession(weights);
const identity = await referenceBackend.createSession(identityWeights(architecture));

/** One channel of an interleaved image. */
function channel(image: VdsrImage, c: number): number[] {
  return Array.from({ length: image.width * image.height }, (_, p) => image.data[p * image.channels + c]!);
}

/** The code and details of upscaleSize's error for an image of `width` x `height`. */
function sizeFailure(width: number, height: number, target: object, options = {}) {
  try {
    upscaleSize({ width, height }, target as never, options);
  } catch (error) {
    return { code: (error as VdsrError).code, ...(error as VdsrError).details };
  }
  throw new Error('expected a failure');
}

describe('upscale', () => {
  it('keeps channels and array type, and sizes the output like imresize', async () => {
    const cases: ImageInput[] = [
      randomImage(5, 4, 1, 1),
      randomImage(5, 4, 3, 2),
      randomImage(5, 4, 4, 3, true),
      { ...randomImage(5, 4, 4, 3), channels: undefined, data: new Uint8ClampedArray(80) },
    ];
    for (const image of cases) {
      const out = await upscale(image, { scale: 2.5 }, { session, architecture });
      expect([out.width, out.height, out.channels]).toEqual([13, 10, image.channels ?? 4]);
      expect(out.data.constructor).toBe(image.data.constructor);
    }
    const buffer = await upscale(
      { ...randomImage(2, 2, 1, 1), data: Buffer.alloc(4, 9) },
      { scale: 2 },
      { session, architecture },
    );
    expect(buffer.data.constructor).toBe(Uint8Array);
    const sized = await upscale(randomImage(6, 3, 1, 1), { width: 10 }, { session, architecture });
    expect([sized.width, sized.height]).toEqual([10, 5]);
    const both = await upscale(randomImage(6, 3, 1, 1), { width: 7, height: 12 }, { session, architecture });
    expect([both.width, both.height]).toEqual([7, 12]);
  });

  it('is bicubic upscaling when the network adds nothing (identity weights)', async () => {
    const grey = randomImage(9, 7, 1, 4);
    expect(await upscale(grey, { scale: 3 }, { session: identity, architecture })).toEqual(
      resizeImage(grey, { scale: 3 }),
    );
    const rgba = randomImage(9, 7, 4, 5, true);
    const out = await upscale(rgba, { scale: 1.7 }, { session: identity, architecture });
    const bicubic = resizeImage(rgba, { scale: 1.7 });
    const clamped = bicubic.data.map((v) => Math.min(255, Math.max(0, v)));
    // Colour conversion is affine and commutes with the resize, up to float rounding.
    expect(maxAbsDiff(out.data, clamped)).toBeLessThan(2e-3);
    const rgb8 = randomImage(9, 7, 3, 6);
    expect(
      maxAbsDiff(
        (await upscale(rgb8, { scale: 2 }, { session: identity, architecture })).data,
        resizeImage(rgb8, { scale: 2 }).data,
      ),
    ).toBeLessThanOrEqual(1);
  });

  it('refines the bicubic luma with the network and passes alpha through as bicubic', async () => {
    const grey = randomImage(8, 6, 1, 7, true);
    const out = await upscale(grey, { scale: 2 }, { session, architecture });
    const bicubic = resizePlane(lumaPlane(grey), 8, 6, 16, 12).map((v) => v / 255);
    const net = await session.run(bicubic, 16, 12);
    const expected = net.map((v) => Math.min(255, Math.max(0, v * 255)));
    expect(out.data).toEqual(expected);
    expect(maxAbsDiff(out.data, resizeImage(grey, { scale: 2 }).data)).toBeGreaterThan(1);
    const rgba = randomImage(8, 6, 4, 8);
    const alpha = channel(await upscale(rgba, { scale: 2 }, { session, architecture }), 3);
    expect(alpha).toEqual(channel(resizeImage(rgba, { scale: 2 }), 3));
  });

  it('gives the same image tiled or whole, for any size, scale and tile size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 1.05, max: 4, noNaN: true }),
        fc.integer({ min: 16, max: 64 }),
        async (width, height, scale, tileSize) => {
          const image = randomImage(width, height, 3, width * height, true);
          const whole = await upscale(image, { scale }, { session, architecture });
          expect(await upscale(image, { scale }, { session, architecture, tileSize })).toEqual(whole);
        },
      ),
      { numRuns: 8, seed: 42 },
    );
  });

  it('reports progress and aborts between tiles with E_ABORTED, leaving the session usable', async () => {
    const image = randomImage(20, 20, 3, 9);
    const seen: number[] = [];
    const whole = await upscale(
      image,
      { scale: 2 },
      { session, architecture, tileSize: 20, onProgress: (p) => seen.push(p.fraction) },
    );
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
    const controller = new AbortController();
    const aborted = upscale(
      image,
      { scale: 2 },
      {
        session,
        architecture,
        tileSize: 20,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    await expect(aborted).rejects.toMatchObject({ code: 'E_ABORTED' });
    await expect(
      upscale(image, { scale: 2 }, { session, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'E_ABORTED' });
    expect(await upscale(image, { scale: 2 }, { session, architecture })).toEqual(whole);
  });

  it('with an ensemble, gives the same image tiled or whole, and differs from the plain run', async () => {
    // Depth 6 (a 6 px halo) keeps many small tiles cheap.
    const shallow = { ...architecture, depth: 6 };
    const net = await referenceBackend.createSession(createRandomWeights(6, shallow));
    const options = { session: net, architecture: shallow };
    const image = randomImage(19, 13, 3, 12, true);
    const whole = await upscale(image, { scale: 2.5 }, { ...options, ensemble: true });
    const tiled = await upscale(image, { scale: 2.5 }, { ...options, ensemble: true, tileSize: 16 });
    expect(tiled).toEqual(whole);
    const plain = await upscale(image, { scale: 2.5 }, options);
    expect(maxAbsDiff(whole.data, plain.data)).toBeGreaterThan(0.1);
    // Off is the plain run, bit for bit.
    for (const ensemble of [1, false] as const) {
      expect(await upscale(image, { scale: 2.5 }, { ...options, ensemble })).toEqual(plain);
    }
  });

  it('with an ensemble, reports progress after every pass and stops within one pass', async () => {
    const image = randomImage(20, 20, 1, 9);
    const plain: TileProgress[] = [];
    const onPlain = (p: TileProgress) => plain.push(p);
    await upscale(image, { scale: 2 }, { session, architecture, tileSize: 20, onProgress: onPlain });
    const seen: TileProgress[] = [];
    const options = { session, architecture, tileSize: 20, ensemble: 2 as const };
    await upscale(image, { scale: 2 }, { ...options, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => [p.pass, p.passes, p.tile, p.tiles])).toEqual([
      [1, 8, 0, 4],
      [2, 8, 1, 4],
      [3, 8, 1, 4],
      [4, 8, 2, 4],
      [5, 8, 2, 4],
      [6, 8, 3, 4],
      [7, 8, 3, 4],
      [8, 8, 4, 4],
    ]);
    expect(seen.map((p) => p.fraction)).toEqual([0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1]);
    // After a tile's last pass, the same report as without the ensemble.
    expect(
      seen.filter((p) => p.pass! % 2 === 0).map(({ fraction, tile, tiles }) => ({ fraction, tile, tiles })),
    ).toEqual(plain);

    let runs = 0;
    const counting = {
      ...session,
      run: (...args: Parameters<typeof session.run>) => {
        runs++;
        return session.run(...args);
      },
    };
    const controller = new AbortController();
    const aborted = upscale(
      image,
      { scale: 2 },
      {
        ...options,
        ensemble: 8,
        session: counting,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    await expect(aborted).rejects.toMatchObject({ code: 'E_ABORTED' });
    expect(runs).toBe(1);
  });

  it("plans tiles with the session's memory budget unless the caller gives one", async () => {
    const image = randomImage(30, 30, 1, 4);
    const tiles = async (options: { memoryBudget?: number }, budget?: number) => {
      let count = 0;
      const planned = {
        backend: session.backend,
        memoryBudget: budget,
        run: session.run.bind(session),
        dispose: async () => {},
      };
      await upscale(
        image,
        { scale: 2 },
        { session: planned, architecture, onProgress: (p) => (count = p.tiles), ...options },
      );
      return count;
    };
    // 60 x 60 output, 4 channels: 2 x 4 x 4 = 32 bytes a pixel; 80 KiB holds 2,560 of its 3,600 pixels.
    expect(await tiles({})).toBe(1);
    expect(await tiles({}, 80 * 1024)).toBeGreaterThan(1);
    expect(await tiles({ memoryBudget: 2 ** 20 }, 80 * 1024)).toBe(1);
  });

  it('rejects scales that do not upscale with E_ARG and scales past maxScale with E_LIMIT', async () => {
    const image = randomImage(4, 4, 1, 1);
    const run = (target: object, options = {}) => upscale(image, target as never, { session, ...options });
    await expect(run({ scale: 1 })).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected a finite number > 1 (vdsr only upscales) for target.scale but received number 1',
    });
    for (const scale of [0.5, Number.NaN, Number.POSITIVE_INFINITY, '2']) {
      await expect(run({ scale })).rejects.toMatchObject({ code: 'E_ARG' });
    }
    await expect(run({ width: 8, height: 4 })).rejects.toMatchObject({
      code: 'E_ARG',
      message:
        'Expected a target larger than the 4 x 4 input along both axes but received 8 x 4 (height scale 1)',
    });
    await expect(run({ width: 3 })).rejects.toMatchObject({ code: 'E_ARG' });
    await expect(run({ scale: 8.5 })).rejects.toMatchObject({
      code: 'E_LIMIT',
      message:
        'Expected a scale of at most 8 (maxScale) but 4 x 4 -> 34 x 34 scales the width by 8.5; raise the maxScale option to allow it',
      details: { option: 'target.scale', limit: 'maxScale', value: 8.5, max: 8 },
    });
    expect(
      (await upscale(randomImage(1, 1, 1, 1), { scale: 9 }, { session, architecture, maxScale: 10 })).width,
    ).toBe(9);
    await expect(run({ scale: 2 }, { maxOutputPixels: 63 })).rejects.toMatchObject({
      code: 'E_LIMIT',
      message:
        'Expected an output of at most 63 pixels (maxOutputPixels) but 4 x 4 -> 8 x 8 is 64; raise the maxOutputPixels option to allow it',
      details: { option: 'target', limit: 'maxOutputPixels', value: 64, max: 63 },
    });
  });

  it('checks a size alone (upscaleSize), naming the target field, the limit and its bound in details', () => {
    const fails = (target: object, options = {}) => sizeFailure(20, 10, target, options);
    expect(upscaleSize({ width: 20, height: 10 }, { width: 160 })).toMatchObject({ width: 160, height: 80 });
    expect(fails({ width: 161 })).toEqual({
      code: 'E_LIMIT',
      option: 'target.width',
      limit: 'maxScale',
      value: 161,
      max: 160,
    });
    // One side given: the other axis follows it, so the given side is at fault.
    expect(fails({ height: 90 })).toMatchObject({ option: 'target.height', value: 90, max: 80 });
    expect(fails({ width: 40, height: 90 })).toMatchObject({ option: 'target.height', max: 80 });
    expect(fails({ width: 20, height: 20 })).toEqual({
      code: 'E_ARG',
      option: 'target.width',
      value: 20,
      min: 21,
    });
    expect(fails({ scale: 3 }, { maxScale: 2.5 })).toMatchObject({ option: 'target.scale', max: 2.5 });
    // Past MAX_RESIZE_PIXELS too, the output limit that applies is the one named.
    expect(sizeFailure(60000, 60000, { scale: 2 })).toEqual({
      code: 'E_LIMIT',
      option: 'target',
      limit: 'maxOutputPixels',
      value: 120000 * 120000,
      max: DEFAULT_MAX_OUTPUT_PIXELS,
    });
    expect(sizeFailure(60000, 60000, { scale: 2 }, { maxOutputPixels: 2 ** 40 })).toMatchObject({
      limit: 'MAX_RESIZE_PIXELS',
      max: MAX_RESIZE_PIXELS,
    });
  });

  it('rejects bad images and options with E_ARG before any work', async () => {
    const image = randomImage(4, 4, 1, 1);
    await expect(
      upscale({ width: 2, height: 2, channels: 1, data: new Uint8Array(3) }, { scale: 2 }, { session }),
    ).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected image.data of length 4 (2 x 2 x 1 channels) but received length 3',
    });
    await expect(upscale(image, { scale: 2 }, undefined as never)).rejects.toMatchObject({
      message: 'Expected an object with a session for options but received undefined',
    });
    await expect(upscale(image, { scale: 2 }, { session: {} as never })).rejects.toMatchObject({
      message: 'Expected a BackendSession for options.session but received object Object',
    });
    const bad: [object, string][] = [
      [{ maxScale: 1 }, 'Expected a finite number > 1 for maxScale but received number 1'],
      [{ maxOutputPixels: 0 }, 'Expected a positive integer for maxOutputPixels but received number 0'],
      [{ tileSize: 0 }, 'Expected a positive integer for tileSize but received number 0'],
      [
        { memoryBudget: -1 },
        'Expected a positive finite number of bytes for memoryBudget but received number -1',
      ],
      [{ onProgress: true }, 'Expected a function for onProgress but received boolean true'],
      [
        { ensemble: 3 },
        'Expected true, false or a number of transforms: 1, 2, 4 or 8 for ensemble but received number 3',
      ],
      [
        { ensemble: 'x8' },
        "Expected true, false or a number of transforms: 1, 2, 4 or 8 for ensemble but received string 'x8'",
      ],
      [
        { architecture: { ...VDSR_PAPER, depth: 0 } },
        'Expected an integer >= 2 for architecture.depth but received number 0',
      ],
    ];
    for (const [options, message] of bad) {
      await expect(upscale(image, { scale: 2 }, { session, ...options })).rejects.toMatchObject({
        code: 'E_ARG',
        message,
      });
    }
  });
});
