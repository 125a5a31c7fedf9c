import type * as OrtWeb from 'onnxruntime-web';

/**
 * What vdsr uses of an onnxruntime JavaScript API. onnxruntime-node and onnxruntime-web both
 * implement it (they share onnxruntime-common), so one session class serves both.
 */
export type Ort = Pick<typeof OrtWeb, 'InferenceSession' | 'Tensor' | 'env'>;
