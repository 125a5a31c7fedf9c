// Messages between the page and the upscaling worker (src/worker.ts).
import type { Channels, ResizeTarget } from '@vdsr/core';

/** An 8-bit image as the core takes it; its buffer moves between threads, never copied. */
export interface Pixels {
  width: number;
  height: number;
  channels: Channels;
  data: Uint8Array;
}

export interface BackendInfo {
  name: string;
  available: boolean;
  /** Why not, when unavailable. */
  reason?: string;
  /** The priority 'auto' ranks it at here. */
  priority: number;
}

export type Request =
  | { type: 'list' }
  | { type: 'prepare'; backend: string }
  | {
      type: 'upscale';
      id: number;
      backend: string;
      image: Pixels;
      target: ResizeTarget;
      /** Shrink the image by the scale first, upscale that back and measure PSNR against the image. */
      measure: boolean;
    }
  | { type: 'cancel'; id: number };

export interface Measured {
  bicubic: number;
  vdsr: number;
}

export type Reply =
  | { type: 'backends'; auto?: string; autoReason?: string; backends: BackendInfo[]; threads: number }
  | { type: 'ready'; backend: string; resolved: string; precision: string; threads: number; ms: number }
  | { type: 'progress'; id: number; tile: number; tiles: number; fraction: number }
  | {
      type: 'done';
      id: number;
      backend: string;
      /** What went into the network: the picked image, or its shrunk copy when measuring. */
      input: Pixels;
      output: Pixels;
      bicubic: Pixels;
      ms: number;
      psnr?: Measured;
    }
  | { type: 'error'; id?: number; backend?: string; code: string; message: string };
