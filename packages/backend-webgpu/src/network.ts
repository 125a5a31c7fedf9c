/// <reference types="@webgpu/types" />
import type { ConvLayerWeights, VdsrWeights } from '@vdsr/core/backend';
import { toHalves } from './half.js';
import { groupsOf, packBias, packHidden, packTaps } from './pack.js';
import { BUFFER } from './usage.js';
import type { KernelSpec } from './wgsl/common.js';
import { firstLayerWgsl } from './wgsl/first-layer.js';
import { type HiddenLayout, hiddenBlockBytes, hiddenLayerWgsl, hiddenLayout } from './wgsl/hidden-layer.js';
import { lastLayerWgsl } from './wgsl/last-layer.js';

export interface LayerBuffers {
  readonly weights: GPUBuffer;
  readonly bias: GPUBuffer;
}

/** A session's network on the device: pipelines and weights, made once and used by every tile. */
export interface GpuNetwork {
  readonly spec: KernelSpec;
  readonly layout: HiddenLayout;
  readonly first: GPUComputePipeline;
  readonly hidden: GPUComputePipeline | undefined;
  readonly last: GPUComputePipeline;
  /** One per layer, first to last. */
  readonly layers: readonly LayerBuffers[];
  /** Output blocks of a hidden layer: one dispatch each, with that block's weights bound. */
  readonly blocks: number;
  /** Bytes of one block's weights, and between blocks (uniform bindings start at aligned offsets). */
  readonly blockBytes: number;
  readonly blockStride: number;
  /**
   * The tile's width and height (a uniform every kernel reads), once per output block at
   * `paramsStride` bytes apart, with the block's index.
   */
  readonly params: GPUBuffer;
  readonly paramsStride: number;
  destroy(): void;
}

function upload(
  device: GPUDevice,
  data: Float32Array | Uint16Array,
  label: string,
  usage: number = BUFFER.STORAGE,
): GPUBuffer {
  // Storage buffer sizes must be multiples of 4 bytes (an odd count of halves is padded).
  const size = Math.max(4, Math.ceil(data.byteLength / 4) * 4);
  const buffer = device.createBuffer({ label, size, usage: usage | BUFFER.COPY_DST, mappedAtCreation: true });
  const Typed = data instanceof Float32Array ? Float32Array : Uint16Array;
  new Typed(buffer.getMappedRange()).set(data);
  buffer.unmap();
  return buffer;
}

/** A compute pipeline; a shader the device rejects throws with the compiler's messages. */
async function pipeline(device: GPUDevice, code: string, label: string): Promise<GPUComputePipeline> {
  const module = device.createShaderModule({ label, code });
  const errors = (await module.getCompilationInfo()).messages.filter((m) => m.type === 'error');
  if (errors.length > 0) {
    throw new Error(`${label}: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
  }
  return device.createComputePipelineAsync({
    label,
    layout: 'auto',
    compute: { module, entryPoint: 'main' },
  });
}

/** Compiles the three kernels for the weights' architecture and uploads the weights. */
export async function createNetwork(
  device: GPUDevice,
  weights: VdsrWeights,
  storage: KernelSpec['storage'],
): Promise<GpuNetwork> {
  const { limits } = device;
  const spec: KernelSpec = { storage, groups: groupsOf(weights.architecture.channels) };
  const layout = hiddenLayout(
    spec,
    limits.maxComputeWorkgroupStorageSize,
    limits.maxUniformBufferBindingSize,
  );
  const blocks = spec.groups / layout.outGroups;
  const align = limits.minUniformBufferOffsetAlignment;
  const blockBytes = hiddenBlockBytes(spec, layout.outGroups);
  const blockStride = Math.ceil(blockBytes / align) * align;
  const paramsStride = Math.ceil(16 / align) * align;
  const depth = weights.layers.length;
  const hiddenWeights = (layer: ConvLayerWeights) => {
    const packed = packHidden(layer, layout.outGroups);
    const halves = storage === 'f16';
    const element = halves ? 2 : 4;
    const out = halves
      ? new Uint16Array((blocks * blockStride) / 2)
      : new Float32Array((blocks * blockStride) / 4);
    const stored = halves ? toHalves(packed) : packed;
    for (let b = 0; b < blocks; b++) {
      const from = (b * blockBytes) / element;
      out.set(stored.subarray(from, from + blockBytes / element), (b * blockStride) / element);
    }
    return out;
  };
  const buffers: GPUBuffer[] = [];
  const keep = (buffer: GPUBuffer) => {
    buffers.push(buffer);
    return buffer;
  };
  const destroy = () => {
    for (const buffer of buffers.splice(0)) buffer.destroy();
  };
  try {
    const layers = weights.layers.map((layer, i) => {
      const label = `vdsr layer ${i} weights`;
      return {
        weights: keep(
          i === 0 || i === depth - 1
            ? upload(device, packTaps(layer, i === 0 ? 'out' : 'in'), label)
            : upload(device, hiddenWeights(layer), label, BUFFER.UNIFORM),
        ),
        bias: keep(upload(device, packBias(layer), `vdsr layer ${i} bias`)),
      };
    });
    const params = keep(
      device.createBuffer({
        label: 'vdsr tile size',
        size: blocks * paramsStride,
        usage: BUFFER.UNIFORM | BUFFER.COPY_DST,
      }),
    );
    const [first, hidden, last] = await Promise.all([
      pipeline(device, firstLayerWgsl(spec), 'vdsr first layer'),
      depth > 2 ? pipeline(device, hiddenLayerWgsl(spec, layout), 'vdsr hidden layer') : undefined,
      pipeline(device, lastLayerWgsl(spec), 'vdsr last layer'),
    ]);
    return {
      spec,
      layout,
      first,
      hidden,
      last,
      layers,
      blocks,
      blockBytes,
      blockStride,
      params,
      paramsStride,
      destroy,
    };
  } catch (error) {
    destroy();
    throw error;
  }
}
