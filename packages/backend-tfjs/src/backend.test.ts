import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { createRandomWeights, referenceBackend, seededRandom, VDSR_PAPER } from '@vdsr/core';
import { describe, expect, it } from 'vitest';
import { createTfjsBackend } from './backend.js';
import { toHwio } from './graph.js';

tf.env().set('PROD', true);

const THIN = createRandomWeights(3, { ...VDSR_PAPER, channels: 4, depth: 4 });

function tile(width: number, height: number, seed: number): Float32Array {
  return Float32Array.from({ length: width * height }, seededRandom(seed));
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('toHwio', () => {
  it("moves PyTorch's [out][in][ky][kx] to tfjs's [ky][kx][in][out]", () => {
    // 2 out, 3 in, 3x3: each value encodes its own indices.
    const oihw = Float32Array.from({ length: 2 * 3 * 9 }, (_, n) => {
      const [o, i, ky, kx] = [Math.floor(n / 27), Math.floor(n / 9) % 3, Math.floor(n / 3) % 3, n % 3];
      return o * 1000 + i * 100 + ky * 10 + kx;
    });
    const hwio = toHwio(oihw, 3, 2, 3);
    // [ky=2][kx=1][in=0][out=1] is flat index ((2*3+1)*3+0)*2+1 = 43
    expect(hwio[43]).toBe(1021);
    expect(hwio[0]).toBe(0);
    expect([...hwio].sort((a, b) => a - b)).toEqual([...oihw].sort((a, b) => a - b));
  });
});

describe('createTfjsBackend', () => {
  it('rejects bad options with E_ARG', () => {
    expect(() => createTfjsBackend({ name: '', tf, tfjsBackend: 'cpu' })).toThrow(/options.name/);
    expect(() => createTfjsBackend({ name: 'x', tf: null as never, tfjsBackend: 'cpu' })).toThrow(
      /options.tf/,
    );
    expect(() => createTfjsBackend({ name: 'x', tf, tfjsBackend: '' })).toThrow(/options.tfjsBackend/);
    expect(() => createTfjsBackend({ name: 'x', tf, tfjsBackend: 'cpu', limits: 5 as never })).toThrow(
      /options.limits/,
    );
    expect(() => createTfjsBackend({ name: 'x', tf, tfjsBackend: 'cpu', memoryBudget: 0 })).toThrow(
      /options.memoryBudget/,
    );
  });

  it('reports itself unavailable, naming what is missing, and createSession throws E_BACKEND', async () => {
    const unregistered = createTfjsBackend({ name: 'tfjs-nope', tf, tfjsBackend: 'nope' });
    const { available, reason } = await unregistered.isAvailable();
    expect(available).toBe(false);
    expect(reason).toMatch(/no tfjs backend 'nope' is registered.*@tensorflow\/tfjs-backend-nope/);
    await expect(unregistered.createSession(THIN)).rejects.toMatchObject({ code: 'E_BACKEND' });

    let calls = 0;
    const failing = createTfjsBackend({
      name: 'tfjs-missing',
      tf: () => {
        calls++;
        throw new Error("Cannot find package '@tensorflow/tfjs-node'");
      },
      tfjsBackend: 'tensorflow',
    });
    expect(await failing.isAvailable()).toEqual({
      available: false,
      reason: "tfjs-missing could not be loaded: Cannot find package '@tensorflow/tfjs-node'",
    });
    // A failed load is tried again, so a package installed since is found.
    await expect(failing.createSession(THIN)).rejects.toThrow(/tfjs-missing could not be loaded/);
    expect(calls).toBe(2);
  });

  it('reports the precision, priority and limits its hooks give, E_WEIGHTS and E_ARG', async () => {
    const plain = await createTfjsBackend({ name: 'tfjs-plain', tf, tfjsBackend: 'cpu' }).createSession(THIN);
    expect([plain.precision, plain.limits, plain.memoryBudget]).toEqual(['f32', undefined, undefined]);
    await plain.dispose();
    const backend = createTfjsBackend({
      name: 'tfjs-hooks',
      tf: async () => tf,
      tfjsBackend: 'cpu',
      precision: () => 'f16',
      priority: () => 5,
      limits: (_tf, weights) => ({ maxTileSide: 100 * weights.architecture.channels }),
      memoryBudget: 2 ** 20,
    });
    expect(await backend.isAvailable()).toEqual({ available: true, priority: 5 });
    const session = await backend.createSession(THIN);
    expect([session.precision, session.limits, session.memoryBudget]).toEqual([
      'f16',
      { maxTileSide: 400 },
      2 ** 20,
    ]);
    await session.dispose();
    const broken = { ...THIN, layers: THIN.layers.slice(1) };
    await expect(backend.createSession(broken)).rejects.toMatchObject({ code: 'E_WEIGHTS' });
    await expect(backend.createSession(THIN, { threads: 0 })).rejects.toMatchObject({ code: 'E_ARG' });
  });

  it('runs on its own tfjs backend when other code switches tfjs to another one', async () => {
    const wasm = createTfjsBackend({ name: 'tfjs-wasm', tf, tfjsBackend: 'wasm' });
    const cpu = createTfjsBackend({ name: 'tfjs-cpu', tf, tfjsBackend: 'cpu' });
    const onWasm = await wasm.createSession(THIN);
    const onCpu = await cpu.createSession(THIN);
    const reference = await referenceBackend.createSession(THIN);
    const y = tile(13, 9, 4);
    const expected = await reference.run(y, 13, 9);
    const outputs = await Promise.all([onWasm.run(y, 13, 9), onCpu.run(y, 13, 9), onWasm.run(y, 13, 9)]);
    expect(outputs.map((out) => maxAbsDiff(out, expected) < 1e-5)).toEqual([true, true, true]);
    await tf.setBackend('cpu');
    expect(maxAbsDiff(await onWasm.run(y, 13, 9), expected)).toBeLessThan(1e-5);
    expect(tf.getBackend()).toBe('wasm');
    await Promise.all([onWasm.dispose(), onCpu.dispose(), reference.dispose()]);
  });

  it('rejects with E_BACKEND and frees its weights once the engine reports itself lost', async () => {
    let lost: string | undefined;
    const backend = createTfjsBackend({ name: 'tfjs-lost', tf, tfjsBackend: 'cpu', lost: () => lost });
    const session = await backend.createSession(THIN);
    expect((await session.run(tile(4, 4, 1), 4, 4)).length).toBe(16);
    const before = tf.memory().numTensors;
    lost = 'the WebGL context was lost';
    await expect(session.run(tile(4, 4, 1), 4, 4)).rejects.toThrow(
      /tfjs-lost cannot run any more: the WebGL context was lost/,
    );
    expect(tf.memory().numTensors).toBe(before - 2 * THIN.layers.length);
    await expect(session.run(tile(4, 4, 1), 4, 4)).rejects.toMatchObject({ code: 'E_BACKEND' });
    await session.dispose();
    expect(await backend.isAvailable()).toEqual({ available: false, reason: 'the WebGL context was lost' });
  });
});
