import type { BackendSession } from '../backend.js';
import { type CreateSessionOptions, createSession } from '../backends/registry.js';
import { type Ensemble, ensembleSize } from '../ensemble/options.js';
import { argError, VdsrError } from '../errors.js';
import type { ImageInput, PixelData, VdsrImage } from '../image.js';
import type { ResizeTarget } from '../resize/target.js';
import type { VdsrWeights } from '../weights/types.js';
import type { SessionUpscaleOptions, UpscaleOptions } from './options.js';
import { type StripConsumer, type UpscaledSize, upscaleStrips } from './strips.js';
import { upscale } from './upscale.js';

/** The weights, the backend ('auto' by default) and every session option, passed to the backend as given. */
export interface UpscalerOptions extends CreateSessionOptions {
  weights: VdsrWeights;
  /** The `ensemble` of every upscale() that does not give its own (default: off). */
  ensemble?: Ensemble;
}

/** One network on one backend, opened once and reused for every image until dispose(). */
export interface Upscaler {
  /** The backend the session runs on (what 'auto' resolved to). */
  readonly backend: string;
  /** The session underneath: its precision and limits. */
  readonly session: Pick<BackendSession, 'precision' | 'limits' | 'memoryBudget'>;
  upscale<D extends PixelData>(
    image: ImageInput<D>,
    target: ResizeTarget,
    options?: UpscaleOptions,
  ): Promise<VdsrImage<D>>;
  /** upscaleStrips on this upscaler's session: the output a strip of rows at a time. */
  upscaleStrips<D extends PixelData>(
    image: ImageInput<D>,
    target: ResizeTarget,
    onStrip: StripConsumer<D>,
    options?: UpscaleOptions,
  ): Promise<UpscaledSize>;
  /** Frees the session; upscale() afterwards rejects with E_BACKEND. Idempotent. */
  dispose(): Promise<void>;
}

export async function createUpscaler(options: UpscalerOptions): Promise<Upscaler> {
  if (typeof options !== 'object' || options === null)
    throw argError('options', 'an object with weights', options);
  const { weights, ensemble, ...sessionOptions } = options;
  ensembleSize(ensemble, 'options.ensemble');
  let session: BackendSession | undefined = await createSession(weights, sessionOptions);
  const { architecture } = weights;
  const { precision = 'f32', limits = {}, memoryBudget } = session;
  const withSession = (upscaleOptions: UpscaleOptions): SessionUpscaleOptions => {
    if (!session) throw new VdsrError('E_BACKEND', 'The upscaler was disposed; create a new one to upscale');
    if (typeof upscaleOptions !== 'object' || upscaleOptions === null) {
      throw argError('options', 'an object', upscaleOptions);
    }
    return { ...upscaleOptions, ensemble: upscaleOptions.ensemble ?? ensemble, session, architecture };
  };
  return {
    backend: session.backend,
    session: { precision, limits, memoryBudget },
    async upscale(image, target, upscaleOptions = {}) {
      return upscale(image, target, withSession(upscaleOptions));
    },
    async upscaleStrips(image, target, onStrip, upscaleOptions = {}) {
      return upscaleStrips(image, target, onStrip, withSession(upscaleOptions));
    },
    async dispose() {
      const open = session;
      session = undefined;
      await open?.dispose();
    },
  };
}
