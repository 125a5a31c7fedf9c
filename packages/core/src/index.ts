import { registerBackend } from './backends/registry.js';
import { referenceBackend } from './reference/backend.js';

export type {
  Availability,
  Backend,
  BackendSession,
  Precision,
  SessionLimits,
  SessionOptions,
} from './backend.js';
export {
  type BackendFactory,
  type CreateSessionOptions,
  createSession,
  listBackends,
  type RegisterOptions,
  registerBackend,
  resolveBackend,
  unregisterBackend,
} from './backends/registry.js';
export { lumaPlane, rgbToYcbcrPlanes, ycbcrPlanesToRgb } from './colour/ycbcr.js';
export type { Ensemble } from './ensemble/options.js';
export { ensembleSession, type PassListener } from './ensemble/session.js';
export {
  abortError,
  argError,
  describeValue,
  isVdsrError,
  throwIfAborted,
  VdsrError,
  type VdsrErrorCode,
  type VdsrErrorDetails,
} from './errors.js';
export { VDSR_PAPER, type VdsrArchitecture } from './graph/architecture.js';
export {
  describeGraph,
  type GraphDescription,
  type GraphLayer,
  type GraphResidual,
} from './graph/describe.js';
export { formatGraph } from './graph/format.js';
export { validateArchitecture } from './graph/validate.js';
export { type Channels, type ImageInput, type PixelData, toImage, type VdsrImage } from './image.js';
export { type MetricOptions, psnr, ssim } from './metrics/image.js';
export { metricLumaPlane } from './metrics/luma.js';
export { psnrPlane } from './metrics/psnr.js';
export { ssimPlane } from './metrics/ssim.js';
export {
  DEFAULT_MAX_OUTPUT_PIXELS,
  DEFAULT_MAX_SCALE,
  type SessionUpscaleOptions,
  type UpscaleOptions,
  upscaleSize,
} from './pipeline/options.js';
export {
  type ImageStrip,
  MIN_TILE_SIZE,
  type StripConsumer,
  type UpscaledSize,
  upscaleStrips,
} from './pipeline/strips.js';
export { upscale } from './pipeline/upscale.js';
export { createUpscaler, type Upscaler, type UpscalerOptions } from './pipeline/upscaler.js';
export { referenceBackend } from './reference/backend.js';
export { resizeImage } from './resize/image.js';
export { resizePlane } from './resize/plane.js';
export { MAX_RESIZE_PIXELS, type ResizeTarget, type TargetSize, targetSize } from './resize/target.js';
export {
  DEFAULT_HALO,
  DEFAULT_MEMORY_BUDGET,
  type PlanOptions,
  planTiles,
  type Rect,
  type Tile,
} from './tiling/plan.js';
export { runTiled, sessionPlanOptions, type TiledOptions, type TileProgress } from './tiling/run.js';
export { decodeFloat16, decodeFloat16Array, encodeFloat16, encodeFloat16Array } from './weights/float16.js';
export { WEIGHTS_FORMAT } from './weights/metadata.js';
export { parseWeights } from './weights/parse.js';
export { createRandomWeights, seededRandom } from './weights/random.js';
export { type SerializeOptions, serializeWeights } from './weights/serialize.js';
export type { ConvLayerWeights, MetricsRow, VdsrWeights, WeightsMetadata } from './weights/types.js';

// The always-there fallback, registered by the entry rather than built into the registry, so a
// registry shared between the ESM and CJS builds holds one 'reference' (the same source twice is a no-op).
registerBackend('reference', () => referenceBackend, 0, { source: '@vdsr/core' });
