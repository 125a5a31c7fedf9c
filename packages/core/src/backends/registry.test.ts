import { describe, expect, it } from 'vitest';
import type { Backend } from '../backend.js';
import { VDSR_PAPER } from '../graph/architecture.js';
import { referenceBackend } from '../reference/backend.js';
import { createRandomWeights } from '../weights/random.js';
import '../index.js'; // registers the reference backend, as importing @vdsr/core does
import {
  createSession,
  listBackends,
  registerBackend,
  resolveBackend,
  unregisterBackend,
} from './registry.js';

function fakeBackend(name: string, available: boolean, reason?: string, priority?: number): Backend {
  return {
    name,
    isAvailable: async () => (available ? { available, priority } : { available, reason }),
    createSession: (weights, options) => referenceBackend.createSession(weights, options),
  };
}

const small = createRandomWeights(1, { ...VDSR_PAPER, depth: 2, channels: 4 });

// The registry is module state: vitest isolates test files, and these tests run in order.
describe('backend registry', () => {
  it('starts with the reference backend at priority 0', async () => {
    expect(listBackends()).toEqual([{ name: 'reference', priority: 0 }]);
    expect(await resolveBackend()).toBe(referenceBackend);
    expect(await resolveBackend('reference')).toBe(referenceBackend);
  });

  it('names the registered backends for an unknown name', async () => {
    await expect(resolveBackend('webgpu')).rejects.toMatchObject({
      code: 'E_BACKEND',
      message: "Unknown backend 'webgpu'; registered backends: reference",
    });
  });

  it('runs factories lazily, once, and picks the highest available priority for auto', async () => {
    let calls = 0;
    registerBackend(
      'fast',
      () => {
        calls++;
        return fakeBackend('fast', true);
      },
      10,
    );
    registerBackend('fastest', async () => fakeBackend('fastest', false, 'no GPU adapter'), 20);
    expect(calls).toBe(0);
    expect(listBackends()).toEqual([
      { name: 'fastest', priority: 20 },
      { name: 'fast', priority: 10 },
      { name: 'reference', priority: 0 },
    ]);
    expect((await resolveBackend('auto')).name).toBe('fast');
    expect((await resolveBackend('fast')).name).toBe('fast');
    expect(calls).toBe(1);
    await expect(resolveBackend('fastest')).rejects.toMatchObject({
      code: 'E_BACKEND',
      message: "Backend 'fastest' is not available: no GPU adapter",
    });
  });

  it('retries a factory that failed and reports bad factories', async () => {
    let fail = true;
    registerBackend(
      'flaky',
      () => {
        if (fail) throw new Error('cannot load flaky.node');
        return fakeBackend('flaky', true);
      },
      30,
    );
    registerBackend('broken', () => ({}) as Backend, 40);
    expect((await resolveBackend()).name).toBe('fast');
    await expect(resolveBackend('flaky')).rejects.toMatchObject({
      message: "Backend 'flaky' is not available: cannot load flaky.node",
    });
    fail = false;
    expect((await resolveBackend()).name).toBe('flaky');
    await expect(resolveBackend('broken')).rejects.toMatchObject({
      code: 'E_BACKEND',
      message:
        "Backend 'broken' is not available: its factory did not return a Backend (isAvailable and createSession)",
    });
  });

  it('throws one E_BACKEND listing every backend tried when none is available', async () => {
    for (const name of ['fast', 'flaky', 'reference'])
      registerBackend(name, () => fakeBackend(name, false), 1, { replace: true });
    await expect(resolveBackend()).rejects.toMatchObject({
      code: 'E_BACKEND',
      message:
        'No backend is available; tried: broken (its factory did not return a Backend (isAvailable and createSession)); ' +
        'fastest (no GPU adapter); fast (it reports itself unavailable); flaky (it reports itself unavailable); ' +
        'reference (it reports itself unavailable)',
    });
    registerBackend('reference', () => referenceBackend, 0, { replace: true });
    for (const name of ['broken', 'fastest', 'fast', 'flaky']) unregisterBackend(name);
  });

  it('refuses a different backend under a taken name unless asked to replace it', () => {
    const one = () => fakeBackend('gpu', true);
    registerBackend('gpu', one, 5, { source: 'pkg-a' });
    registerBackend('gpu', one, 5); // the same factory again: nothing changes
    registerBackend('gpu', () => fakeBackend('gpu', true), 5, { source: 'pkg-a' }); // pkg-a loaded twice
    expect(() => registerBackend('gpu', () => fakeBackend('gpu', true), 5, { source: 'pkg-b' })).toThrow(
      expect.objectContaining({
        code: 'E_ARG',
        message:
          "A different backend is already registered as 'gpu' by pkg-a; pass { replace: true } to replace it",
      }),
    );
    registerBackend('gpu', () => fakeBackend('gpu', true), 7, { replace: true });
    expect(listBackends().find((b) => b.name === 'gpu')?.priority).toBe(7);
    unregisterBackend('gpu');
  });

  it("never picks a backend registered below 0 for 'auto', but runs it by name", async () => {
    registerBackend('manual', () => fakeBackend('manual', true), -1);
    expect((await resolveBackend()).name).toBe('reference');
    expect((await resolveBackend('manual')).name).toBe('manual');
    unregisterBackend('manual');
  });

  it("ranks a backend at the priority it reports here (a software GPU below wasm) for 'auto'", async () => {
    registerBackend('webgpu-ish', () => fakeBackend('webgpu-ish', true, undefined, 5), 30);
    registerBackend('wasm-ish', () => fakeBackend('wasm-ish', true), 10);
    expect((await resolveBackend()).name).toBe('wasm-ish');
    unregisterBackend('wasm-ish');
    expect((await resolveBackend()).name).toBe('webgpu-ish'); // still above the reference at 0
    expect((await resolveBackend('webgpu-ish')).name).toBe('webgpu-ish');
    registerBackend('webgpu-ish', () => fakeBackend('webgpu-ish', true, undefined, -1), 30, {
      replace: true,
    });
    expect((await resolveBackend()).name).toBe('reference');
    unregisterBackend('webgpu-ish');
  });

  it('creates sessions on the resolved backend', async () => {
    const session = await createSession(small, { backend: 'reference', threads: 2 });
    expect(session.backend).toBe('reference');
    expect((await session.run(new Float32Array([0.5]), 1, 1)).length).toBe(1);
    await session.dispose();
    await expect(createSession(small, { backend: 'nope' })).rejects.toMatchObject({ code: 'E_BACKEND' });
    registerBackend('throwing', () => ({
      ...fakeBackend('throwing', true),
      createSession: () => Promise.reject(new TypeError('boom')),
    }));
    await expect(createSession(small, { backend: 'throwing' })).rejects.toMatchObject({
      code: 'E_BACKEND',
      message: "Backend 'throwing' failed to create a session: TypeError: boom",
    });
  });

  it('rejects bad arguments with E_ARG', async () => {
    expect(() => registerBackend('', () => referenceBackend)).toThrow(
      "Expected a backend name of letters, digits, '.', '_' or '-' (not 'auto') for name but received string ''",
    );
    expect(() => registerBackend('auto', () => referenceBackend)).toThrow(/not 'auto'/);
    expect(() => registerBackend('x', 'nope' as unknown as () => Backend)).toThrow(
      'Expected a function returning a Backend for factory but received string',
    );
    expect(() => registerBackend('x', () => referenceBackend, Number.NaN)).toThrow(
      'Expected a finite number for priority but received number NaN',
    );
    await expect(resolveBackend(3 as unknown as string)).rejects.toMatchObject({
      code: 'E_ARG',
      message: "Expected a backend name or 'auto' for backend but received number 3",
    });
    await expect(createSession(small, { threads: 1.5 })).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected a positive integer for options.threads but received number 1.5',
    });
    expect(listBackends().some((b) => b.name === 'x')).toBe(false);
  });
});
