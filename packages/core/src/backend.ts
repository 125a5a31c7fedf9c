import type { VdsrWeights } from './weights/types.js';

/** Options every backend understands; backends may accept more. */
export interface SessionOptions {
  /** CPU threads for backends that use them; defaults to the machine's cores. */
  threads?: number;
}

/**
 * A network ready to run. `run` takes a luma tile (Y / 255, row-major, width x height) and returns
 * the network's output for it: the input plus the predicted residual, same size. Convolutions pad
 * with zeros at the tile's edges, exactly as the reference backend does.
 */
export interface BackendSession {
  readonly backend: string;
  /**
   * The tile working memory, in bytes, that the pipeline plans for when its caller sets no
   * `memoryBudget` (default: DEFAULT_MEMORY_BUDGET, 256 MiB). A runtime with the machine's memory to
   * itself can take bigger tiles, whose halos cost less.
   */
  readonly memoryBudget?: number;
  run(y: Float32Array, width: number, height: number, signal?: AbortSignal): Promise<Float32Array>;
  /** Frees everything the session holds; calling run afterwards throws E_BACKEND. Idempotent. */
  dispose(): Promise<void>;
}

export interface Availability {
  available: boolean;
  /** Why not, when unavailable. */
  reason?: string;
}

export interface Backend {
  readonly name: string;
  isAvailable(): Promise<Availability>;
  createSession(weights: VdsrWeights, options?: SessionOptions): Promise<BackendSession>;
}
