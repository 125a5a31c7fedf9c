/**
 * A tfjs tensor, as far as vdsr uses one. Declared here rather than imported from
 * @tensorflow/tfjs-core, whose types need the DOM library: Node projects that type-check their
 * dependencies without it can still use the tfjs adapters.
 */
export interface TfTensor {
  data(): Promise<unknown>;
  dispose(): void;
}

/**
 * An operand of a tfjs op: tfjs's own Tensor class, which cannot be named here without its types.
 * vdsr only hands tfjs tensors that tfjs made.
 */
// biome-ignore lint/suspicious/noExplicitAny: tfjs's ops take its Tensor class or array-likes, neither nameable here
type TfOperand = any;

/**
 * What vdsr uses of a TensorFlow.js namespace. `@tensorflow/tfjs-core`, `@tensorflow/tfjs` and
 * `@tensorflow/tfjs-node` (4.x) all provide it, so one graph serves every tfjs backend.
 */
export interface Tf {
  tensor4d(values: Float32Array, shape: [number, number, number, number]): TfTensor;
  tensor1d(values: Float32Array): TfTensor;
  add(a: TfOperand, b: TfOperand): TfTensor;
  tidy(fn: () => TfOperand): TfTensor;
  readonly fused: {
    conv2d(args: {
      x: TfOperand;
      filter: TfOperand;
      bias?: TfOperand;
      strides: number;
      pad: 'same';
      activation?: 'relu' | 'linear';
    }): TfTensor;
  };
  memory(): { numTensors: number; numBytes: number };
  getBackend(): string;
  setBackend(name: string): Promise<boolean>;
  /** The initialised tfjs backend of that name, if any. */
  findBackend(name: string): unknown;
  /** The registered factory of that tfjs backend, if any. */
  findBackendFactory(name: string): unknown;
  backend(): { floatPrecision(): number };
  env(): { getNumber(flag: string): number; getBool(flag: string): boolean };
}
