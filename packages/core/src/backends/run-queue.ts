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

  /** Calls `release` once, after the runs already queued have settled. Idempotent. */
  close(release: () => void | Promise<void> = () => undefined): Promise<void> {
    this.#closing ??= this.#tail.then(release);
    return this.#closing;
  }
}
