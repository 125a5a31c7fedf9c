import { abortError, type VdsrError } from '../errors.js';

/**
 * `work`, or a rejection with `error(signal)` (E_ABORTED by default) as soon as `signal` fires, even
 * if the work only notices later or never: the caller is not held by a result that will be thrown
 * away. `work` still runs to its end; its late result or failure is dropped.
 */
export function raceSignal<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  error: (signal: AbortSignal) => VdsrError = abortError,
): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(error(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (failure: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(failure);
      },
    );
    if (signal.aborted) onAbort();
  });
}
