import { describe, expect, it } from 'vitest';
import { VDSR_PAPER, type VdsrArchitecture } from '../graph/architecture.js';
import { identityWeights, randomPlane } from '../testing/fixtures.js';
import { createRandomWeights } from '../weights/random.js';
import type { VdsrWeights } from '../weights/types.js';
import { referenceBackend } from './backend.js';

const arch = (depth: number, channels: number): VdsrArchitecture => ({ ...VDSR_PAPER, depth, channels });

/** The textbook definition, one output at a time with explicit bounds; same summation grouping. */
function naiveForward(
  weights: VdsrWeights,
  input: Float32Array,
  width: number,
  height: number,
): Float32Array {
  let act: Float32Array[] = [Float32Array.from(input)];
  weights.layers.forEach((layer, index) => {
    const last = index === weights.layers.length - 1;
    const next: Float32Array[] = [];
    for (let o = 0; o < layer.outChannels; o++) {
      const plane = new Float32Array(width * height);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let sum = layer.bias[o]!;
          for (let i = 0; i < layer.inChannels; i++) {
            for (let ky = 0; ky < 3; ky++) {
              const at = (dx: number) => {
                const yy = y + ky - 1;
                const xx = x + dx;
                return yy < 0 || yy >= height || xx < 0 || xx >= width ? 0 : act[i]![yy * width + xx]!;
              };
              const w = (kx: number) => layer.weight[((o * layer.inChannels + i) * 3 + ky) * 3 + kx]!;
              sum += w(0) * at(-1) + w(1) * at(0) + w(2) * at(1);
            }
          }
          plane[y * width + x] = last ? Math.fround(sum) + input[y * width + x]! : Math.max(sum, 0);
        }
      }
      next.push(plane);
    }
    act = next;
  });
  return act[0]!;
}

async function runOnce(weights: VdsrWeights, y: Float32Array, width: number, height: number) {
  const session = await referenceBackend.createSession(weights);
  try {
    return await session.run(y, width, height);
  } finally {
    await session.dispose();
  }
}

describe('referenceBackend', () => {
  it('reports itself available under its name', async () => {
    expect(referenceBackend.name).toBe('reference');
    await expect(referenceBackend.isAvailable()).resolves.toEqual({ available: true });
  });

  it.each([
    [1, 1, 4],
    [1, 6, 4],
    [6, 1, 12],
    [7, 5, 12],
    [9, 8, 8],
  ])('matches the textbook convolution exactly at %i x %i, %i channels', async (width, height, channels) => {
    const weights = createRandomWeights(width * 100 + height, arch(5, channels));
    const y = randomPlane(width, height, channels);
    expect(await runOnce(weights, y, width, height)).toEqual(naiveForward(weights, y, width, height));
  });

  it('matches the textbook convolution on the paper architecture', async () => {
    const weights = createRandomWeights(7);
    const y = randomPlane(5, 4, 3);
    const out = await runOnce(weights, y, 5, 4);
    expect(out).toEqual(naiveForward(weights, y, 5, 4));
    // Random weights must give a visible residual, or this test would pass on an identity network.
    expect(out.some((v, i) => Math.abs(v - y[i]!) > 1e-3)).toBe(true);
  });

  it('adds the residual to the input: zero weights return the input', async () => {
    const zero = identityWeights(arch(3, 4));
    const y = randomPlane(4, 3, 9);
    expect(await runOnce(zero, y, 4, 3)).toEqual(y);
  });

  it('gives the same results when one session runs several geometries in turn or at once', async () => {
    const weights = createRandomWeights(3, arch(20, 4));
    const a = randomPlane(23, 17, 1);
    const b = randomPlane(11, 30, 2);
    const fresh = [await runOnce(weights, a, 23, 17), await runOnce(weights, b, 11, 30)];
    const session = await referenceBackend.createSession(weights);
    expect(await session.run(a, 23, 17)).toEqual(fresh[0]);
    expect(await session.run(b, 11, 30)).toEqual(fresh[1]);
    expect(await session.run(a, 23, 17)).toEqual(fresh[0]);
    expect(await Promise.all([session.run(b, 11, 30), session.run(a, 23, 17)])).toEqual([fresh[1], fresh[0]]);
    await session.dispose();
  });

  it('rejects bad tiles with E_ARG saying what it expected', async () => {
    const session = await referenceBackend.createSession(createRandomWeights(1, arch(2, 4)));
    await expect(session.run(new Float32Array(5), 2, 3)).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected y of length 6 (2 x 3) but received length 5',
    });
    await expect(session.run([1, 2] as unknown as Float32Array, 2, 1)).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected a Float32Array for y but received array of length 2',
    });
    await expect(session.run(new Float32Array(1), 0, 1)).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected a positive integer for width but received number 0',
    });
    await expect(session.run(new Float32Array(1), 1, Number.NaN)).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected a positive integer for height but received number NaN',
    });
  });

  it('disposes idempotently and refuses to run afterwards with E_BACKEND', async () => {
    const session = await referenceBackend.createSession(createRandomWeights(1, arch(2, 4)));
    await session.dispose();
    await session.dispose();
    await expect(session.run(new Float32Array(1), 1, 1)).rejects.toMatchObject({ code: 'E_BACKEND' });
  });

  it('stops with E_BACKEND when disposed during a run', async () => {
    const session = await referenceBackend.createSession(createRandomWeights(2, arch(20, 16)));
    const run = session.run(randomPlane(96, 96, 1), 96, 96);
    setTimeout(() => void session.dispose(), 0);
    await expect(run).rejects.toMatchObject({ code: 'E_BACKEND' });
  });

  it('rejects with E_ABORTED for an aborted signal, before or during a run, and stays usable', async () => {
    const weights = createRandomWeights(2, arch(20, 16));
    const session = await referenceBackend.createSession(weights);
    const y = randomPlane(96, 96, 1);
    await expect(session.run(y, 96, 96, AbortSignal.abort())).rejects.toMatchObject({ code: 'E_ABORTED' });
    const controller = new AbortController();
    const started = performance.now();
    const run = session.run(y, 96, 96, controller.signal);
    setTimeout(() => controller.abort(), 0);
    await expect(run).rejects.toMatchObject({ code: 'E_ABORTED' });
    const abortedAfter = performance.now() - started;
    const small = randomPlane(9, 7, 4);
    expect(await session.run(small, 9, 7)).toEqual(await runOnce(weights, small, 9, 7));
    const fullStart = performance.now();
    await session.run(y, 96, 96);
    // Prompt: well before a whole run would have finished.
    expect(abortedAfter).toBeLessThan(performance.now() - fullStart);
    await session.dispose();
  });

  it('validates weights and options', async () => {
    const good = createRandomWeights(1, arch(3, 4));
    await expect(referenceBackend.createSession(null as unknown as VdsrWeights)).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected a VdsrWeights object for weights but received null',
    });
    await expect(
      referenceBackend.createSession({ ...good, layers: good.layers.slice(0, 2) }),
    ).rejects.toMatchObject({
      code: 'E_WEIGHTS',
      message: 'Expected 3 layers (architecture.depth) but received 2',
    });
    await expect(
      referenceBackend.createSession({ ...good, architecture: { ...good.architecture, kernelSize: 5 } }),
    ).rejects.toMatchObject({
      code: 'E_WEIGHTS',
      message: expect.stringContaining('layer 0 to be 1 -> 4 channels with a 5x5 kernel'),
    });
    const five = createRandomWeights(1, { ...arch(3, 4), kernelSize: 5 });
    await expect(referenceBackend.createSession(five)).rejects.toMatchObject({
      code: 'E_WEIGHTS',
      message: expect.stringContaining('received kernelSize 5'),
    });
    await expect(
      referenceBackend.createSession({ ...good, architecture: { ...good.architecture, depth: 1 } }),
    ).rejects.toMatchObject({
      code: 'E_WEIGHTS',
      message: 'Expected an integer >= 2 for weights.architecture.depth but received number 1',
    });
    const shortBias = {
      ...good,
      layers: good.layers.map((l, i) => (i === 1 ? { ...l, bias: new Float32Array(3) } : l)),
    };
    await expect(referenceBackend.createSession(shortBias)).rejects.toMatchObject({
      code: 'E_WEIGHTS',
      message: 'Expected layer 1 bias to be a Float32Array of length 4 but received Float32Array of length 3',
    });
    await expect(referenceBackend.createSession(good, { threads: 0 })).rejects.toMatchObject({
      code: 'E_ARG',
      message: 'Expected a positive integer for options.threads but received number 0',
    });
  });
});
