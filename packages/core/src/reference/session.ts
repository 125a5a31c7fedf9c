import type { BackendSession } from '../backend.js';
import { assertPlane } from '../backends/args.js';
import { assertSignal, VdsrError } from '../errors.js';
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
  #layers: readonly PackedLayer[] | undefined;
  readonly #channels: number;
  #workspace: Workspace | undefined;
  /** Runs share the workspace, so they take turns. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(weights: VdsrWeights) {
    this.#layers = weights.layers.map(packLayer);
    this.#channels = weights.architecture.channels;
  }

  run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array> {
    const turn = this.#queue.then(() => this.#run(y, width, height, signal));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array> {
    const layers = this.#assertOpen();
    assertPlane(y, width, height);
    assertSignal(signal);
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
      this.#assertOpen();
    }
    const out = new Float32Array(width * height);
    convolve(src, layers[layers.length - 1]!, width, height, acc, (rows, _channel, _count, row) => {
      const o = row * width;
      for (let x = 0; x < width; x++) out[o + x] = Math.fround(rows[x * BLOCK]!) + y[o + x]!;
    });
    return out;
  }

  #assertOpen(): readonly PackedLayer[] {
    if (!this.#layers)
      throw new VdsrError('E_BACKEND', 'The reference session was disposed; create a new session to run');
    return this.#layers;
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

  async dispose(): Promise<void> {
    this.#layers = undefined;
    this.#workspace = undefined;
  }
}
