// Registers the 'onnxruntime' backend (lazily: nothing loads until a session needs it), so the
// default 'auto' backend picks it where it runs and falls back to the reference backend elsewhere.
import '@vdsr/backend-onnxruntime';

export { type UpscaleBufferOptions, upscaleBuffer } from './buffer.js';
export type { OutputFormat } from './format.js';
export { DEFAULT_LIMIT_INPUT_PIXELS, type SharpUpscaleOptions } from './options.js';
export { upscale } from './upscale.js';
