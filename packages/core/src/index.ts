export {
  abortError,
  argError,
  describeValue,
  throwIfAborted,
  VdsrError,
  type VdsrErrorCode,
} from './errors.js';
export { type Channels, type ImageInput, type PixelData, toImage, type VdsrImage } from './image.js';
export type { Availability, Backend, BackendSession, SessionOptions } from './backend.js';
export { VDSR_PAPER, type VdsrArchitecture } from './graph/architecture.js';
export type { ConvLayerWeights, MetricsRow, VdsrWeights, WeightsMetadata } from './weights/types.js';
export { createRandomWeights, seededRandom } from './weights/random.js';
export { referenceBackend } from './reference/backend.js';
export {
  type BackendFactory,
  type CreateSessionOptions,
  createSession,
  listBackends,
  registerBackend,
  resolveBackend,
} from './backends/registry.js';
export { assertPlane, assertSessionOptions } from './backends/args.js';
export { assertWeights } from './backends/weights.js';
export { DEFAULT_HALO, DEFAULT_MEMORY_BUDGET, type PlanOptions, planTiles, type Rect, type Tile } from './tiling/plan.js';
export { runTiled, type TiledOptions, type TileProgress } from './tiling/run.js';
export {
  DEFAULT_MAX_OUTPUT_PIXELS,
  DEFAULT_MAX_SCALE,
  type SessionUpscaleOptions,
  type UpscaleOptions,
} from './pipeline/options.js';
export { upscale } from './pipeline/upscale.js';
export { createUpscaler, type Upscaler, type UpscalerOptions } from './pipeline/upscaler.js';
