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
