import type { VdsrWeights } from './weights/types.js';

/**
 * Options for a new session. Every backend understands `threads`; a backend package adds its own keys
 * by declaration merging, so they are typed wherever that package is imported:
 *
 * ```ts
 * declare module '@vdsr/core' {
 *   interface SessionOptions { powerPreference?: 'low-power' | 'high-performance' }
 * }
 * ```
 *
 * createSession, createUpscaler and the plugins pass every key through; a backend ignores keys that
 * are not its own.
 */
export interface SessionOptions {
  /** CPU threads for backends that use them; defaults to the machine's cores. */
  threads?: number;
}

/** The arithmetic a session computes in; it sets how far the session may differ from the reference. */
export type Precision = 'f32' | 'f16' | 'int8';

/** Hard limits of a session's engine (a GPU's buffer or texture size), in tile pixels, halo included. */
export interface SessionLimits {
  /** Most pixels one tile may have. */
  readonly maxTilePixels?: number;
  /** Longest side one tile may have. */
  readonly maxTileSide?: number;
}

/**
 * A network ready to run. `run` takes a luma tile (Y / 255, row-major, width x height) and returns
 * the network's output for it: the input plus the predicted residual, same size. Convolutions pad
 * with zeros at the tile's edges, exactly as the reference backend does.
 */
export interface BackendSession {
  readonly backend: string;
  /** What the session computes in; 'f32' when unset. */
  readonly precision?: Precision;
  /** The engine's hard limits; the tiling never exceeds them, whatever the caller asks for. */
  readonly limits?: SessionLimits;
  /**
   * The tile working memory, in bytes, that the pipeline plans for when its caller sets no
   * `memoryBudget` (default: DEFAULT_MEMORY_BUDGET, 256 MiB). A runtime with the machine's memory to
   * itself can take bigger tiles, whose halos cost less.
   */
  readonly memoryBudget?: number;
  /** Several runs may be in flight at once; a session orders or overlaps them as its engine allows. */
  run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array>;
  /** Frees everything the session holds; calling run afterwards throws E_BACKEND. Idempotent. */
  dispose(): Promise<void>;
}

export interface Availability {
  available: boolean;
  /** Why not, when unavailable. */
  reason?: string;
  /**
   * The priority 'auto' ranks this backend at here, when it differs from the registered one: a GPU
   * backend that found only a software adapter (SwiftShader, lavapipe) reports a priority below the
   * wasm backends, so 'auto' takes it only when nothing better is there. Asked for by name, it runs.
   */
  priority?: number;
}

export interface Backend {
  readonly name: string;
  isAvailable(): Promise<Availability>;
  createSession(weights: VdsrWeights, options?: SessionOptions): Promise<BackendSession>;
}
