import { createTfjsBackend, type Tf } from '@vdsr/backend-tfjs';
import type { Backend, Precision } from '@vdsr/core/backend';
import { webglTileLimits } from './limits.js';
import { SOFTWARE_RENDERER, webgl2Missing, webglContext, webglRenderer } from './webgl.js';

/**
 * Where the context is a software rasteriser (SwiftShader, llvmpipe): below onnxruntime-web's wasm
 * (10), which ran VDSR faster than tfjs on SwiftShader in the same headless Chromium (see the README).
 */
export const SOFTWARE_PRIORITY = 5;

/**
 * 64 MiB by the planner's estimate of 2 activations (8 x channels bytes a pixel): tiles of about
 * 360 x 360. tfjs's WebGL conv2d also holds the 3x3 im2col unrolling (36 x channels bytes a pixel),
 * so such a tile takes about 400 MB of textures for the paper's 64 channels.
 */
export const WEBGL_MEMORY_BUDGET = 64 * 2 ** 20;

/**
 * float32 where tfjs renders to float32 textures (WEBGL_RENDER_FLOAT32_ENABLED), else what tfjs
 * measures. Not floatPrecision() alone: it answers 16 whenever float32 rendering is on
 * (tensorflow/tfjs#6980, open), which would make every float32 GPU declare 'f16'.
 */
export function webglPrecision(tf: Tf): Precision {
  if (tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) return 'f32';
  return tf.backend().floatPrecision() === 32 ? 'f32' : 'f16';
}

/** Loads tfjs-core and its webgl backend on first use, once WebGL2 is known to be there. */
async function loadTfjsWebgl(): Promise<Tf> {
  const missing = webgl2Missing();
  if (missing) throw new Error(missing);
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-webgl');
  return tf;
}

/**
 * VDSR in browsers on tfjs's webgl backend. Sessions declare their precision (f16 on devices
 * without float32 render targets) and tile limits from the context's maximum texture size.
 */
export const tfjsWebglBackend: Backend = createTfjsBackend({
  name: 'tfjs-webgl',
  tf: loadTfjsWebgl,
  tfjsBackend: 'webgl',
  memoryBudget: WEBGL_MEMORY_BUDGET,
  precision: webglPrecision,
  limits: (tf, { architecture }) =>
    webglTileLimits(
      tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE'),
      architecture.channels,
      architecture.kernelSize,
    ),
  priority: (tf) => {
    const gl = webglContext(tf);
    const renderer = gl && webglRenderer(gl);
    return renderer && SOFTWARE_RENDERER.test(renderer) ? SOFTWARE_PRIORITY : undefined;
  },
  lost: (tf) => (webglContext(tf)?.isContextLost() ? 'the WebGL context was lost' : undefined),
});
