import { assertSignal, throwIfAborted, VdsrError } from '../errors.js';
import { assertPlane } from './args.js';

/**
 * Runs that take turns on one engine (a session's buffers or native handle serve one run at a time),
 * and a close that comes after the run in progress. Work that starts once `closed` is true should
 * reject with E_BACKEND: runs still queued at dispose are rejected, as the backend contract says.
 */
export class RunQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #closing: Promise<void> | undefined;

  /** True once close() was called. */
  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /** Runs `work` after every run queued before it; a failure does not stop the runs after it. */
  push<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#tail.then(work);
    this.#tail = turn.catch(() => undefined);
    return turn;
  }

  /**
   * A BackendSession.run as the contract has it: the plane and signal checked (E_ARG), refused once
   * closed (E_BACKEND, naming `backend`) or aborted (E_ABORTED), then `work` in its turn, checked
   * again when the turn comes, since dispose() or the abort may have come while it waited.
   */
  run<T>(
    backend: string,
    y: Float32Array,
    width: number,
    height: number,
    signal: AbortSignal | undefined,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      assertPlane(y, width, height);
      assertSignal(signal);
      this.assertOpen(backend);
      throwIfAborted(signal);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.push(() => {
      this.assertOpen(backend);
      throwIfAborted(signal);
      return work();
    });
  }

  /** Throws E_BACKEND once closed: for checks inside a run (between layers, after a native call). */
  assertOpen(backend: string): void {
    if (this.closed) {
      throw new VdsrError('E_BACKEND', `This ${backend} session was disposed; create a new session to run`);
    }
  }

  /** Calls `release` once, after the runs already queued have settled. Idempotent. */
  close(release: () => void | Promise<void> = () => undefined): Promise<void> {
    this.#closing ??= this.#tail.then(release);
    return this.#closing;
  }
}
