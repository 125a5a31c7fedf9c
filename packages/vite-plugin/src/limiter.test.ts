import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter.js';

describe('createLimiter', () => {
  it('runs at most n tasks at once, in order, and passes results and errors through', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      most = Math.max(most, ++running);
      await new Promise((done) => setTimeout(done, 5));
      running--;
      if (i === 3) throw new Error('task 3');
      return i * 10;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => limit(task(i))));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      0,
      10,
      20,
      'task 3',
      40,
      50,
    ]);
  });

  it('rejects a concurrency that is not a positive integer', () => {
    expect(() => createLimiter(0)).toThrow(
      'Expected a positive integer for concurrency but received number 0',
    );
  });
});
