export {
  planUpscaleBuffer,
  type UpscaleBufferOptions,
  type UpscaleBufferPlan,
  upscaleBuffer,
} from './buffer.js';
export { upscaleFile } from './file.js';
export { type FormatName, type OutputFormat, outputFormat, outputFormats } from './format.js';
export { DEFAULT_LIMIT_INPUT_PIXELS, type SharpUpscaleOptions } from './options.js';
export { upscale } from './upscale.js';
