import { describe, expect, it } from 'vitest';
import { RunQueue } from './run-queue.js';

describe('RunQueue', () => {
  it('runs work in turn, past failures, and closes once after what was queued', async () => {
    const queue = new RunQueue();
    const log: string[] = [];
    const step =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 1));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const a = queue.push(step('a'));
    const b = queue.push(step('b', true));
    const c = queue.push(step('c'));
    let releases = 0;
    const closing = queue.close(() => void releases++);
    expect(queue.closed).toBe(true);
    expect(queue.close(() => void releases++)).toBe(closing);
    expect(await a).toBe('a');
    await expect(b).rejects.toThrow('b');
    expect(await c).toBe('c');
    await closing;
    expect(releases).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
