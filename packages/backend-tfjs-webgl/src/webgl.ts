import type { Tf } from '@vdsr/backend-tfjs';

interface WebglBackendInternals {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

/** The WebGL context of tfjs's initialised webgl backend, if there is one. */
export function webglContext(tf: Tf): WebGLRenderingContext | WebGL2RenderingContext | undefined {
  return (tf.findBackend('webgl') as WebglBackendInternals | null)?.gpgpu?.gl;
}

/** Why no WebGL2 context can be made here, or undefined when one can. */
export function webgl2Missing(): string | undefined {
  const scope = globalThis as { document?: Document; OffscreenCanvas?: typeof OffscreenCanvas };
  const canvas = scope.OffscreenCanvas
    ? new scope.OffscreenCanvas(1, 1)
    : scope.document?.createElement('canvas');
  if (!canvas) return 'WebGL2 is not available here: no canvas (not a browser or a worker)';
  const gl = canvas.getContext('webgl2');
  if (!gl) return 'WebGL2 is not available here: the browser could not create a WebGL2 context';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return undefined;
}

/**
 * The renderer's name (WEBGL_debug_renderer_info), for telling a software rasteriser (SwiftShader,
 * llvmpipe) from a GPU; undefined where the browser hides it.
 */
export function webglRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): string | undefined {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : undefined;
  return typeof renderer === 'string' ? renderer : undefined;
}

export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|softpipe|software/i;
