/// <reference types="@webgpu/types" />
import type { GpuNetwork } from './network.js';
import { BUFFER } from './usage.js';

/** Buffers for tiles of up to `capacity` pixels, with one bind group per layer. */
export interface TileBuffers {
  readonly capacity: number;
  readonly luma: GPUBuffer;
  readonly output: GPUBuffer;
  readonly readback: GPUBuffer;
  /** Per layer: one bind group, or for a hidden layer one per output block. */
  readonly groups: readonly (readonly GPUBindGroup[])[];
  destroy(): void;
}

/** Bytes of one activation buffer per tile pixel (all channel groups). */
export function activationBytesPerPixel(network: Pick<GpuNetwork, 'spec'>): number {
  return network.spec.groups * (network.spec.storage === 'f16' ? 8 : 16);
}

/**
 * Allocates the activations (ping-pong), the input, output and readback buffers and the bind
 * groups: layer i reads what layer i - 1 wrote. Errors surface through the caller's error scopes.
 */
export function createTileBuffers(device: GPUDevice, network: GpuNetwork, capacity: number): TileBuffers {
  const made: GPUBuffer[] = [];
  const buffer = (label: string, size: number, usage: number) => {
    const b = device.createBuffer({ label, size, usage });
    made.push(b);
    return b;
  };
  const destroy = () => {
    for (const b of made.splice(0)) b.destroy();
  };
  try {
    const activations = capacity * activationBytesPerPixel(network);
    const ping = buffer('vdsr activations A', activations, BUFFER.STORAGE);
    const pong = buffer('vdsr activations B', activations, BUFFER.STORAGE);
    const luma = buffer('vdsr input', capacity * 4, BUFFER.STORAGE | BUFFER.COPY_DST);
    const output = buffer('vdsr output', capacity * 4, BUFFER.STORAGE | BUFFER.COPY_SRC);
    const readback = buffer('vdsr readback', capacity * 4, BUFFER.MAP_READ | BUFFER.COPY_DST);
    const { layers, params, paramsStride, blocks, blockBytes, blockStride } = network;
    const depth = layers.length;
    const group = (pipeline: GPUComputePipeline, i: number, src: GPUBuffer, dst: GPUBuffer, block?: number) =>
      device.createBindGroup({
        label: `vdsr layer ${i}`,
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { buffer: params, offset: (block ?? 0) * paramsStride, size: 16 },
          { buffer: src },
          { buffer: dst },
          block === undefined
            ? { buffer: layers[i]!.weights }
            : { buffer: layers[i]!.weights, offset: block * blockStride, size: blockBytes },
          { buffer: layers[i]!.bias },
          ...(i === depth - 1 ? [{ buffer: luma }] : []),
        ].map((resource, binding) => ({ binding, resource })),
      });
    const activation = (i: number) => (i % 2 === 0 ? ping : pong);
    const groups = layers.map((_, i) => {
      if (i === 0) return [group(network.first, 0, luma, ping)];
      if (i === depth - 1) return [group(network.last, i, activation(i - 1), output)];
      return Array.from({ length: blocks }, (_, b) =>
        group(network.hidden!, i, activation(i - 1), activation(i), b),
      );
    });
    return { capacity, luma, output, readback, groups, destroy };
  } catch (error) {
    destroy();
    throw error;
  }
}
