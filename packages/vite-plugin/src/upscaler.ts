import {
  createUpscaler,
  resolveBackend,
  type SessionOptions,
  type Upscaler,
  VdsrError,
  type VdsrWeights,
} from '@vdsr/core';

/** What to say when 'auto' finds nothing faster than the plain-JavaScript reference backend. */
export const SLOW_BACKEND_MESSAGE =
  "Only the reference backend (plain JavaScript, many times slower than onnxruntime) can run: install @vdsr/backend-onnxruntime and onnxruntime-node, and add import '@vdsr/backend-onnxruntime' to your Vite config (or set the plugin's backend option to 'reference' to use it anyway)";

export interface LazyUpscaler {
  /** The build's upscaler, made on first use: a build served from the cache never loads a backend. */
  get(): Promise<Upscaler>;
  /** Frees it; the next get() makes a new one (the next build in watch mode). */
  dispose(): Promise<void>;
}

/**
 * `backend` is a name the application registered (by importing a backend package) or 'auto'. The
 * plugin chooses no backend itself, but 'auto' landing on the reference backend would turn a
 * seconds-long build into a minutes-long one, so that fails unless 'reference' is asked for by name.
 */
export function lazyUpscaler(
  weights: () => Promise<VdsrWeights>,
  backend: string,
  session: SessionOptions,
): LazyUpscaler {
  let upscaler: Promise<Upscaler> | undefined;
  const open = async (): Promise<Upscaler> => {
    const resolved = await resolveBackend(backend);
    if (backend === 'auto' && resolved.name === 'reference') {
      throw new VdsrError('E_BACKEND', SLOW_BACKEND_MESSAGE, {
        details: { option: 'backend', value: backend },
      });
    }
    return createUpscaler({ ...session, weights: await weights(), backend: resolved.name });
  };
  return {
    get: () => {
      upscaler ??= open();
      return upscaler;
    },
    dispose: async () => {
      const current = upscaler;
      upscaler = undefined;
      await current?.then(
        (u) => u.dispose(),
        () => undefined,
      );
    },
  };
}
