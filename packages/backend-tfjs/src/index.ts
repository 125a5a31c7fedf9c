export { createTfjsBackend, type TfjsBackendOptions } from './backend.js';
export type { Tf, TfTensor } from './tf.js';
