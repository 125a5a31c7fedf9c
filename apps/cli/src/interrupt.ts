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
 * Ends the process by `signal` with the system's default action, as if vdsr had never handled it: the
 * parent sees a process killed by that signal (a shell reports 128 + its number). Not process.exit(),
 * which waits for the native code running on worker threads (an onnxruntime-node tile, seconds) and
 * then aborts the process as onnxruntime-node returns into a thread being torn down.
 */
export function endWithSignal(signal: InterruptSignal): void {
  // Should the signal not end the process after all, it still exits with the same code.
  process.exitCode = interruptedExitCode(signal);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

/**
 * The first SIGINT, SIGTERM or SIGHUP aborts the returned signal, so the work in flight stops (at
 * once: tiles run off the main thread) and cleans up after itself; a second one means the user will
 * not wait: `onForce` runs, then the process ends with that signal.
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
    endWithSignal(signal);
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
