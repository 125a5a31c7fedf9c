export { createTfjsBackend, type TfjsBackendOptions } from './backend.js';
export type { Tf } from './tf.js';
