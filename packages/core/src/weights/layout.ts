import type { VdsrArchitecture } from '../graph/architecture.js';
import { describeGraph } from '../graph/describe.js';
import { decodeFloat16Array, encodeFloat16Array } from './float16.js';

export type Dtype = 'F32' | 'F16';

export const DTYPE_BYTES: Readonly<Record<Dtype, number>> = { F32: 4, F16: 2 };

/** One tensor the file must hold, in file order. */
export interface TensorSpec {
  readonly name: string;
  readonly layer: number;
  readonly part: 'weight' | 'bias';
  readonly shape: readonly number[];
  readonly length: number;
}

/** `layers.{i}.weight` [out, in, k, k] and `layers.{i}.bias` [out] for every layer, as the format fixes. */
export function tensorSpecs(architecture: VdsrArchitecture): TensorSpec[] {
  return describeGraph(architecture).layers.flatMap(({ index, inChannels, outChannels, kernelSize: k }) => [
    {
      name: `layers.${index}.weight`,
      layer: index,
      part: 'weight' as const,
      shape: [outChannels, inChannels, k, k],
      length: outChannels * inChannels * k * k,
    },
    {
      name: `layers.${index}.bias`,
      layer: index,
      part: 'bias' as const,
      shape: [outChannels],
      length: outChannels,
    },
  ]);
}

/** Little-endian tensor bytes (at any alignment) decoded to float32. */
export function readTensor(data: Uint8Array, begin: number, length: number, dtype: Dtype): Float32Array {
  const view = new DataView(data.buffer, data.byteOffset + begin, length * DTYPE_BYTES[dtype]);
  if (dtype === 'F16') {
    const bits = new Uint16Array(length);
    for (let i = 0; i < length; i++) bits[i] = view.getUint16(i * 2, true);
    return decodeFloat16Array(bits);
  }
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Writes float32 values as little-endian `dtype` bytes at `begin` (F16 rounds to nearest even). */
export function writeTensor(data: Uint8Array, begin: number, values: Float32Array, dtype: Dtype): void {
  const view = new DataView(data.buffer, data.byteOffset + begin, values.length * DTYPE_BYTES[dtype]);
  if (dtype === 'F16') {
    const bits = encodeFloat16Array(values);
    for (let i = 0; i < bits.length; i++) view.setUint16(i * 2, bits[i]!, true);
  } else {
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  }
}
