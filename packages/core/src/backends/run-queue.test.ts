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

  it('run(): checks the arguments, refuses once closed or aborted, and checks again when the turn comes', async () => {
    const queue = new RunQueue();
    const y = new Float32Array(4);
    const work = async () => 'ran';
    await expect(queue.run('x', y, 3, 2, undefined, work)).rejects.toMatchObject({ code: 'E_ARG' });
    await expect(queue.run('x', y, 2, 2, 'no' as never, work)).rejects.toMatchObject({ code: 'E_ARG' });
    await expect(queue.run('x', y, 2, 2, AbortSignal.abort(), work)).rejects.toMatchObject({
      code: 'E_ABORTED',
    });
    // Aborted while waiting for the turn of a slow run, then disposed while waiting for another.
    const slowRun = () => {
      let finish!: () => void;
      const gate = new Promise<void>((resolve) => (finish = resolve));
      queue.push(() => gate);
      return finish;
    };
    const finishFirst = slowRun();
    const controller = new AbortController();
    const aborted = queue.run('x', y, 2, 2, controller.signal, work);
    controller.abort();
    finishFirst();
    await expect(aborted).rejects.toMatchObject({ code: 'E_ABORTED' });
    const finishSecond = slowRun();
    const disposed = queue.run('x', y, 2, 2, undefined, work);
    const closing = queue.close();
    finishSecond();
    await expect(disposed).rejects.toMatchObject({
      code: 'E_BACKEND',
      message: 'This x session was disposed; create a new session to run',
    });
    await closing;
    await expect(queue.run('x', y, 2, 2, undefined, work)).rejects.toMatchObject({ code: 'E_BACKEND' });
    expect(await new RunQueue().run('x', y, 2, 2, undefined, work)).toBe('ran');
  });
});
