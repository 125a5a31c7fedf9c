import { constants } from 'node:os';

/** The signals that stop a run as Ctrl-C does: a terminal's Ctrl-C, kill or a service manager, a closed terminal. */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

/** The exit code of a process ended by `signal`, as shells report it: 128 + its number (SIGINT 130). */
export function interruptedExitCode(signal: InterruptSignal): number {
  return 128 + constants.signals[signal];
}

export interface Interrupt {
  readonly signal: AbortSignal;
  /** The first signal received, once there was one. */
  readonly received: InterruptSignal | undefined;
  /** Stops listening for the signals. */
  dispose(): void;
}

/**
 * The first SIGINT, SIGTERM or SIGHUP aborts the returned signal, so the work in flight stops at its
 * next check and cleans up after itself; a second one means the user will not wait: `onForce` runs,
 * then the process exits with that signal's code.
 */
export function listenForInterrupt(onForce: () => void): Interrupt {
  const controller = new AbortController();
  let received: InterruptSignal | undefined;
  const onSignal = (signal: InterruptSignal) => {
    if (!controller.signal.aborted) {
      received = signal;
      controller.abort(new Error(`Interrupted (${signal})`));
      return;
    }
    onForce();
    process.exit(interruptedExitCode(signal));
  };
  for (const signal of INTERRUPT_SIGNALS) process.on(signal, onSignal);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    dispose: () => {
      for (const signal of INTERRUPT_SIGNALS) process.off(signal, onSignal);
    },
  };
}
