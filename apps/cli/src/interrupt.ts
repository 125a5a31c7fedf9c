/** The exit code of a process ended by SIGINT, as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

export interface Interrupt {
  readonly signal: AbortSignal;
  /** Stops listening for SIGINT. */
  dispose(): void;
}

/**
 * The first Ctrl-C aborts the returned signal, so the work in flight stops at its next check and
 * cleans up after itself; a second one means the user will not wait: `onForce` runs, then exit 130.
 */
export function listenForInterrupt(onForce: () => void): Interrupt {
  const controller = new AbortController();
  const onSigint = () => {
    if (!controller.signal.aborted) {
      controller.abort(new Error('Interrupted (SIGINT)'));
      return;
    }
    onForce();
    process.exit(INTERRUPTED_EXIT_CODE);
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
