/// <reference types="@webgpu/types" />
import {
  type BackendSession,
  RunQueue,
  type SessionLimits,
  throwIfAborted,
  VdsrError,
} from '@vdsr/core/backend';
import type { GpuNetwork } from './network.js';
import { activationBytesPerPixel, createTileBuffers, type TileBuffers } from './tile-buffers.js';
import { MAP_READ } from './usage.js';
import { POINT_WORKGROUP } from './wgsl/common.js';
import { hiddenTile } from './wgsl/hidden-layer.js';

const SCOPES = ['internal', 'out-of-memory', 'validation'] as const;

/** An error's message; WebGPU's GPUError objects are not Errors but carry one. */
export function message(error: unknown): string {
  const text = (error as { message?: unknown } | null)?.message;
  return typeof text === 'string' ? text : String(error);
}

/** The largest tiles the device's buffer, binding and dispatch limits allow. */
export function tileLimits(device: GPUDevice, network: Pick<GpuNetwork, 'spec' | 'layout'>): SessionLimits {
  const { maxStorageBufferBindingSize, maxBufferSize, maxComputeWorkgroupsPerDimension } = device.limits;
  const bytes = Math.min(maxStorageBufferBindingSize, maxBufferSize);
  const rows = Math.min(hiddenTile(network.layout).height, POINT_WORKGROUP.y);
  return {
    maxTilePixels: Math.floor(bytes / activationBytesPerPixel(network)),
    maxTileSide: maxComputeWorkgroupsPerDimension * rows,
  };
}

export interface SessionParts {
  readonly name: string;
  readonly device: GPUDevice;
  /** The session made the device, so it destroys it on dispose. */
  readonly ownsDevice: boolean;
  readonly network: GpuNetwork;
}

/**
 * One network on one device. Runs are queued (they share the tile buffers); each tile is one
 * submission of every layer and one readback. Buffers grow to the largest tile seen.
 */
export class WebgpuSession implements BackendSession {
  readonly backend: string;
  readonly precision: 'f32' | 'f16';
  readonly limits: SessionLimits;
  readonly #device: GPUDevice;
  readonly #ownsDevice: boolean;
  #network: GpuNetwork | undefined;
  #tile: TileBuffers | undefined;
  #lost: GPUDeviceLostInfo | undefined;
  readonly #runs = new RunQueue();

  constructor({ name, device, ownsDevice, network }: SessionParts) {
    this.backend = name;
    this.#device = device;
    this.#ownsDevice = ownsDevice;
    this.#network = network;
    this.precision = network.spec.storage;
    this.limits = tileLimits(device, network);
    device.lost.then((info) => {
      this.#lost = info;
      this.#release();
    });
  }

  run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array> {
    return this.#runs.run(this.backend, y, width, height, signal, () => this.#run(y, width, height, signal));
  }

  /**
   * Rejects the runs still queued with E_BACKEND, lets the one in progress end, then frees the
   * buffers (and the device, if the session made it).
   */
  dispose(): Promise<void> {
    return this.#runs.close(() => {
      this.#release();
      if (this.#ownsDevice) this.#device.destroy();
    });
  }

  async #run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array> {
    const network = this.#usable();
    this.#checkLimits(width, height);
    const pixels = width * height;
    const tile = await this.#tileFor(network, pixels);
    const device = this.#device;
    try {
      for (const scope of SCOPES) device.pushErrorScope(scope);
      const params = new Uint32Array((network.blocks * network.paramsStride) / 4);
      for (let b = 0; b < network.blocks; b++) {
        params.set([width, height, network.spec.groups, b], (b * network.paramsStride) / 4);
      }
      device.queue.writeBuffer(network.params, 0, params);
      // GPUAllowSharedBufferSource: a SharedArrayBuffer-backed plane is fine too.
      device.queue.writeBuffer(tile.luma, 0, y as Float32Array<ArrayBuffer>);
      const encoder = device.createCommandEncoder({ label: 'vdsr tile' });
      const pass = encoder.beginComputePass();
      const depth = network.layers.length;
      const { width: tw, height: th } = hiddenTile(network.layout);
      for (let i = 0; i < depth; i++) {
        const hidden = i > 0 && i < depth - 1;
        pass.setPipeline(i === 0 ? network.first : hidden ? network.hidden! : network.last);
        for (const group of tile.groups[i]!) {
          pass.setBindGroup(0, group);
          if (hidden) pass.dispatchWorkgroups(Math.ceil(width / tw), Math.ceil(height / th));
          else
            pass.dispatchWorkgroups(
              Math.ceil(width / POINT_WORKGROUP.x),
              Math.ceil(height / POINT_WORKGROUP.y),
            );
        }
      }
      pass.end();
      encoder.copyBufferToBuffer(tile.output, 0, tile.readback, 0, pixels * 4);
      device.queue.submit([encoder.finish()]);
      const mapped = tile.readback.mapAsync(MAP_READ, 0, pixels * 4);
      // Observed now: if the device is lost first, the scopes below throw and this rejects unawaited.
      mapped.catch(() => undefined);
      const errors = await Promise.all(SCOPES.map(() => device.popErrorScope()));
      const error = errors.find((e) => e !== null);
      if (error) {
        await mapped.then(
          () => tile.readback.unmap(),
          () => undefined,
        );
        throw error;
      }
      await mapped;
      const out = new Float32Array(tile.readback.getMappedRange(0, pixels * 4).slice(0));
      tile.readback.unmap();
      throwIfAborted(signal);
      return out;
    } catch (error) {
      if (error instanceof VdsrError) throw error;
      throw this.#failure(`failed to run a ${width} x ${height} tile`, error);
    }
  }

  #checkLimits(width: number, height: number): void {
    const { maxTilePixels = Infinity, maxTileSide = Infinity } = this.limits;
    const over =
      width * height > maxTilePixels
        ? { limit: 'maxTilePixels', value: width * height, max: maxTilePixels }
        : Math.max(width, height) > maxTileSide
          ? { limit: 'maxTileSide', value: Math.max(width, height), max: maxTileSide }
          : undefined;
    if (over) {
      throw new VdsrError(
        'E_LIMIT',
        `A ${width} x ${height} tile exceeds this device's ${over.limit} ${over.max}; tile the image (upscale does)`,
        { details: over },
      );
    }
  }

  /** The tile buffers, grown when a bigger tile comes; a device that refuses them is an E_BACKEND. */
  async #tileFor(network: GpuNetwork, pixels: number): Promise<TileBuffers> {
    if (this.#tile && this.#tile.capacity >= pixels) return this.#tile;
    this.#tile?.destroy();
    this.#tile = undefined;
    const device = this.#device;
    for (const scope of SCOPES) device.pushErrorScope(scope);
    let tile: TileBuffers | undefined;
    let thrown: unknown;
    try {
      tile = createTileBuffers(device, network, pixels);
    } catch (error) {
      thrown = error;
    }
    const errors = await Promise.all(SCOPES.map(() => device.popErrorScope()));
    const error = thrown ?? errors.find((e) => e !== null);
    if (error || !tile) {
      tile?.destroy();
      throw this.#failure(`could not allocate buffers for ${pixels} pixels`, error);
    }
    this.#tile = tile;
    return tile;
  }

  /** An E_BACKEND for `what`, naming a lost device when that is the cause; tile buffers are freed. */
  #failure(what: string, cause: unknown): VdsrError {
    this.#tile?.destroy();
    this.#tile = undefined;
    const lost = this.#lost ? ` (the device was lost: ${this.#lost.reason} ${this.#lost.message})` : '';
    return new VdsrError('E_BACKEND', `${this.backend} ${what}: ${message(cause)}${lost}`, { cause });
  }

  /** The network, unless the device was lost (which frees it): dispose is RunQueue's check. */
  #usable(): GpuNetwork {
    if (!this.#network) {
      const lost = this.#lost;
      const why = lost
        ? `its GPU device was lost (${lost.reason}: ${lost.message})`
        : 'its buffers were freed';
      throw new VdsrError(
        'E_BACKEND',
        `This ${this.backend} session cannot run: ${why}; create a new session`,
        {
          cause: lost,
        },
      );
    }
    return this.#network;
  }

  #release(): void {
    this.#tile?.destroy();
    this.#tile = undefined;
    this.#network?.destroy();
    this.#network = undefined;
  }
}
