// The browser half of webgl.test.ts: bundled by esbuild and run in headless Chromium (WebGL2).
import * as tf from '@tensorflow/tfjs-core';
import { runTfjsMemorySuite } from '@vdsr/backend-tfjs/testing';
import { createPageTests } from '@vdsr/browser-testing/page';
import {
  type BackendSession,
  createRandomWeights,
  planTiles,
  referenceBackend,
  sessionPlanOptions,
  upscale,
  VDSR_PAPER,
} from '@vdsr/core';
import {
  maxAbsDiff,
  PRECISION_TOLERANCE,
  randomImage,
  randomPlane,
  runConformanceSuite,
} from '@vdsr/core/testing';
import { webglTileLimits } from './limits.js';
import { SOFTWARE_RENDERER, webglContext, webglRenderer } from './webgl.js';
import { SOFTWARE_PRIORITY, tfjsWebglBackend } from './webgl-backend.js';

const { test, expose } = createPageTests();
const { describe, it, expect } = test;
const THIN = { ...VDSR_PAPER, channels: 8 };

/** The code a promise rejects with ('resolved' if it does not). */
const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error?.code ?? String(error),
  );

runConformanceSuite({ name: 'tfjs-webgl (headless Chromium)', createBackend: () => tfjsWebglBackend, test });
runTfjsMemorySuite({ tf, createBackend: () => tfjsWebglBackend, test });

describe('tfjs-webgl in the browser', () => {
  it("declares tfjs's float precision and limits from the context's maximum texture size", async () => {
    const session = await tfjsWebglBackend.createSession(createRandomWeights(1, VDSR_PAPER));
    const maxTexture = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
    expect({ precision: session.precision, limits: session.limits }).toEqual({
      precision: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') ? 'f32' : 'f16',
      limits: webglTileLimits(maxTexture, 64, 3),
    });
    expect(maxTexture >= 4096).toBe(true);
    await session.dispose();
  });

  it('plans an 8000 x 8000 output in tiles within those limits, whatever budget is asked for', async () => {
    const session = await tfjsWebglBackend.createSession(createRandomWeights(2, VDSR_PAPER));
    const { maxTilePixels = 0, maxTileSide = 0 } = session.limits ?? {};
    for (const memoryBudget of [undefined, 2 ** 40]) {
      const tiles = planTiles(8000, 8000, sessionPlanOptions(session, { memoryBudget }));
      const over = tiles.filter(
        ({ outer }) =>
          outer.width * outer.height > maxTilePixels || Math.max(outer.width, outer.height) > maxTileSide,
      );
      expect({ tiled: tiles.length > 1, over }).toEqual({ tiled: true, over: [] });
    }
    await session.dispose();
  });

  it('runs a whole upscale within a small texture size, where an oversized tile fails with E_BACKEND', async () => {
    const maxTexture = tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE');
    tf.env().set('WEBGL_MAX_TEXTURE_SIZE', 512);
    const weights = createRandomWeights(3, THIN);
    const session = await tfjsWebglBackend.createSession(weights);
    try {
      const limits = session.limits ?? {};
      expect(limits).toEqual(webglTileLimits(512, 8, 3));
      const sizes: string[] = [];
      const counted: BackendSession = {
        ...session,
        run: (y, width, height, signal) => {
          sizes.push(`${width}x${height}`);
          return session.run(y, width, height, signal);
        },
        dispose: () => session.dispose(),
      };
      const image = randomImage(40, 36, 1, 4);
      const out = await upscale(image, { scale: 2 }, { session: counted, architecture: THIN });
      const reference = await referenceBackend.createSession(weights);
      const expected = await upscale(image, { scale: 2 }, { session: reference, architecture: THIN });
      await reference.dispose();
      const over = sizes.filter((s) => {
        const [w = 0, h = 0] = s.split('x').map(Number);
        return w * h > limits.maxTilePixels! || Math.max(w, h) > limits.maxTileSide!;
      });
      expect({ tiles: sizes.length > 1, over }).toEqual({ tiles: true, over: [] });
      expect(
        maxAbsDiff(out.data, expected.data) <= PRECISION_TOLERANCE[session.precision ?? 'f32'] * 255,
      ).toBe(true);
      // Eight times the limit's pixels: tfjs cannot lay that tile's im2col out in a 512 texture.
      const side = Math.ceil(Math.sqrt(8 * limits.maxTilePixels!));
      expect(await codeOf(session.run(randomPlane(side, side, 5), side, side))).toBe('E_BACKEND');
    } finally {
      await session.dispose();
      tf.env().set('WEBGL_MAX_TEXTURE_SIZE', maxTexture);
    }
  });

  it(`ranks itself at ${SOFTWARE_PRIORITY} on a software rasteriser, as registered on a GPU`, async () => {
    const renderer = webglRenderer(webglContext(tf)!) ?? '';
    const { available, priority } = await tfjsWebglBackend.isAvailable();
    expect({ available, priority }).toEqual({
      available: true,
      priority: SOFTWARE_RENDERER.test(renderer) ? SOFTWARE_PRIORITY : undefined,
    });
  });

  // Last: a lost context leaves tfjs's webgl backend unusable for the rest of the page.
  it('rejects with E_BACKEND once the WebGL context is lost, and frees what the session held', async () => {
    const before = tf.memory().numTensors;
    const session = await tfjsWebglBackend.createSession(createRandomWeights(4, THIN));
    expect((await session.run(randomPlane(9, 7, 1), 9, 7)).length).toBe(63);
    webglContext(tf)!.getExtension('WEBGL_lose_context')!.loseContext();
    expect(await codeOf(session.run(randomPlane(9, 7, 1), 9, 7))).toBe('E_BACKEND');
    expect(tf.memory().numTensors).toBe(before);
    expect(await codeOf(session.run(randomPlane(9, 7, 1), 9, 7))).toBe('E_BACKEND');
    const { available, reason } = await tfjsWebglBackend.isAvailable();
    expect({ available, reason }).toEqual({ available: false, reason: 'the WebGL context was lost' });
  });
});

expose();
