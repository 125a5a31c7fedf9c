import type * as tfc from '@tensorflow/tfjs-core';

/**
 * What vdsr uses of a TensorFlow.js namespace. `@tensorflow/tfjs-core`, `@tensorflow/tfjs` and
 * `@tensorflow/tfjs-node` all provide it, so one graph serves every tfjs backend.
 */
export type Tf = Pick<
  typeof tfc,
  | 'add'
  | 'backend'
  | 'env'
  | 'findBackend'
  | 'findBackendFactory'
  | 'fused'
  | 'getBackend'
  | 'memory'
  | 'setBackend'
  | 'tensor1d'
  | 'tensor4d'
  | 'tidy'
>;

export type { Tensor1D, Tensor4D } from '@tensorflow/tfjs-core';
