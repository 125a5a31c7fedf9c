import type { BackendSession } from '../backend.js';
import { RunQueue } from '../backends/run-queue.js';
import type { VdsrWeights } from '../weights/types.js';
import { convolve, type RowSink } from './conv.js';
import { SLACK, span } from './kernel.js';
import { BLOCK, type PackedLayer, packLayer } from './pack.js';
import { createCheckpoint } from './yield.js';

/** Activation buffers for one tile geometry, reused by every run of that geometry or a smaller one. */
interface Workspace {
  width: number;
  height: number;
  ping: Float32Array;
  pong: Float32Array;
  acc: Float64Array;
}

export class ReferenceSession implements BackendSession {
  readonly backend = 'reference';
  readonly precision = 'f32';
  #layers: readonly PackedLayer[];
  readonly #channels: number;
  #workspace: Workspace | undefined;
  /** Runs share the workspace, so they take turns. */
  readonly #runs = new RunQueue();

  constructor(weights: VdsrWeights) {
    this.#layers = weights.layers.map(packLayer);
    this.#channels = weights.architecture.channels;
  }

  run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array> {
    return this.#runs.run(this.backend, y, width, height, signal, () => this.#run(y, width, height, signal));
  }

  async #run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array> {
    const layers = this.#layers;
    const checkpoint = createCheckpoint(signal);
    await checkpoint();
    const { acc, ping, pong } = this.#prepare(width, height);
    const paddedWidth = width + 2;
    const plane = paddedWidth * (height + 2);
    let src = ping;
    let dst = pong;
    for (let row = 0; row < height; row++) {
      src.set(y.subarray(row * width, (row + 1) * width), (row + 1) * paddedWidth + 1);
    }
    const hidden: RowSink = (rows, channel, count, row) => {
      for (let lane = 0; lane < count; lane++) {
        const o = (channel + lane) * plane + (row + 1) * paddedWidth + 1;
        for (let x = 0; x < width; x++) dst[o + x] = Math.max(rows[x * BLOCK + lane]!, 0);
      }
    };
    for (let i = 0; i < layers.length - 1; i++) {
      convolve(src, layers[i]!, width, height, acc, hidden);
      [src, dst] = [dst, src];
      await checkpoint();
      // A dispose mid-run ends the run at the next layer rather than after the whole tile.
      this.#runs.assertOpen(this.backend);
    }
    const out = new Float32Array(width * height);
    convolve(src, layers[layers.length - 1]!, width, height, acc, (rows, _channel, _count, row) => {
      const o = row * width;
      for (let x = 0; x < width; x++) out[o + x] = Math.fround(rows[x * BLOCK]!) + y[o + x]!;
    });
    return out;
  }

  /**
   * Sizes the workspace for a tile. The zero border the kernel relies on is only ever written here:
   * when the geometry changes the used part is cleared, since old interiors would sit on new borders.
   */
  #prepare(width: number, height: number): Workspace {
    const size = this.#channels * (width + 2) * (height + 2) + SLACK;
    let ws = this.#workspace;
    if (!ws || ws.ping.length < size || ws.acc.length < BLOCK * span(width)) {
      ws = {
        width,
        height,
        ping: new Float32Array(size),
        pong: new Float32Array(size),
        acc: new Float64Array(BLOCK * span(width)),
      };
      this.#workspace = ws;
    } else if (ws.width !== width || ws.height !== height) {
      ws.ping.fill(0, 0, size);
      ws.pong.fill(0, 0, size);
      ws.width = width;
      ws.height = height;
    }
    return ws;
  }

  /** Rejects the runs still queued with E_BACKEND; the one in progress stops at its next layer. */
  dispose(): Promise<void> {
    return this.#runs.close(() => {
      this.#layers = [];
      this.#workspace = undefined;
    });
  }
}
