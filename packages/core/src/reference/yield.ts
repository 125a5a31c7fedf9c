import { throwIfAborted } from '../errors.js';

/** How long plain-JS work may hold the event loop before letting timers, I/O and aborts through. */
const SLICE_MS = 10;

/**
 * Resolves after timers and I/O (Ctrl-C, an abort from a timer) had their turn: await it before
 * blocking work that nothing can interrupt, then check the signal.
 */
export const nextMacrotask = (): Promise<void> =>
  new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

/**
 * Returns a checkpoint to await between units of synchronous work: it throws E_ABORTED once the signal
 * fires, and yields to the event loop when the current slice has run long enough, so that an abort()
 * from a timer or a click can actually land while a long run is in progress.
 */
export function createCheckpoint(signal: AbortSignal | undefined): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    throwIfAborted(signal);
    if (performance.now() - sliceStart < SLICE_MS) return;
    await nextMacrotask();
    sliceStart = performance.now();
    throwIfAborted(signal);
  };
}
