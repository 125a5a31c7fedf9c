import { argError } from '@vdsr/core';

/** Runs at most `concurrency` tasks at once, the others in the order they came. */
export function createLimiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw argError('concurrency', 'a positive integer', concurrency);
  }
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < concurrency) running++;
    else await new Promise<void>((start) => waiting.push(start));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next task, so a newcomer cannot slip in between.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
