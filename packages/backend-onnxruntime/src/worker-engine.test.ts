import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRandomWeights, upscale, VDSR_PAPER } from '@vdsr/core';
import { describe, expect, it } from 'vitest';
import { startOrtNodeWorker } from './node-backend.js';
import { buildVdsrOnnxModel } from './onnx/vdsr-graph.js';
import { codeOf } from './ort-backend.cases.js';
import type { OrtEngine } from './ort-engine.js';
import { OrtSession } from './ort-session.js';
import { WorkerEngine } from './worker-engine.js';

/** The paper's network: a 384 x 384 tile is about 200 GFLOP, a second or more on one thread. */
const paperModel = () => buildVdsrOnnxModel(createRandomWeights(3, VDSR_PAPER));
const SIDE = 384;

/**
 * The engine, with the time each run was sent to the worker and the time it ended there (when the
 * worker's reply arrived); `started` is called from a timer soon after the first run is in the worker's hands: a main thread
 * blocked by the run would call it only once the run ended.
 */
function watched(engine: OrtEngine, started: () => void) {
  const runs: { started: number; ended?: number }[] = [];
  return {
    runs,
    engine: {
      async run(y: Float32Array, width: number, height: number) {
        const run: { started: number; ended?: number } = { started: performance.now() };
        runs.push(run);
        const output = engine.run(y, width, height);
        if (runs.length === 1) setTimeout(started, 20);
        try {
          return await output;
        } finally {
          run.ended = performance.now();
        }
      },
      release: () => engine.release(),
    },
  };
}

describe('onnxruntime worker thread', () => {
  it('leaves the event loop free during a run, and rejects an aborted run before its native run ends', async () => {
    const controller = new AbortController();
    const { runs, engine } = watched(await startOrtNodeWorker(paperModel(), { threads: 1 }), () =>
      controller.abort(),
    );
    const session = new OrtSession('onnxruntime', engine);
    const y = new Float32Array(SIDE * SIDE).fill(0.5);
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    try {
      const aborted = session.run(y, SIDE, SIDE, controller.signal);
      const rejected = aborted.then(
        () => Number.NaN,
        () => performance.now(),
      );
      // The next run waits for the worker, which is still inside the aborted tile's native run.
      const next = session.run(new Float32Array(16).fill(0.5), 4, 4);
      expect(await codeOf(aborted)).toBe('E_ABORTED');
      expect(y.every((v) => v === 0.5)).toBe(true); // the worker ran on its own copy
      const rejectedAt = await rejected;
      expect(await next).toHaveLength(16);
      const [first] = runs;
      expect(runs).toHaveLength(2);
      expect(rejectedAt).toBeLessThan(first!.ended!);
      expect(runs[1]!.started).toBeGreaterThanOrEqual(first!.ended!);
      // A blocked main thread would have run no timer between the native run's start and end.
      expect(ticks.filter((t) => t > first!.started && t < first!.ended!).length).toBeGreaterThan(2);
    } finally {
      clearInterval(timer);
      await session.dispose();
    }
  });

  it("makes upscale() reject with E_ABORTED during its only tile, before the tile's native run ends", async () => {
    const controller = new AbortController();
    const { runs, engine } = watched(await startOrtNodeWorker(paperModel(), { threads: 1 }), () =>
      controller.abort(),
    );
    const session = new OrtSession('onnxruntime', engine);
    const half = SIDE / 2;
    const image = {
      width: half,
      height: half,
      channels: 1 as const,
      data: new Uint8Array(half * half).fill(128),
    };
    try {
      const upscaling = upscale(
        image,
        { scale: 2 },
        { session, architecture: VDSR_PAPER, signal: controller.signal },
      );
      const error = await upscaling.catch((e: unknown) => e);
      const rejectedAt = performance.now();
      expect(error).toMatchObject({ code: 'E_ABORTED' });
      expect(runs).toHaveLength(1);
      expect(runs[0]!.ended).toBeUndefined();
      expect(rejectedAt).toBeGreaterThan(runs[0]!.started);
    } finally {
      await session.dispose();
    }
  });

  it('rejects the run in progress and the queued ones with E_BACKEND at dispose, then ends the thread', async () => {
    let disposed: Promise<void> | undefined;
    const { runs, engine } = watched(await startOrtNodeWorker(paperModel(), { threads: 1 }), () => {
      disposed = session.dispose();
    });
    const session = new OrtSession('onnxruntime', engine);
    const running = session.run(new Float32Array(SIDE * SIDE).fill(0.5), SIDE, SIDE);
    const queued = session.run(new Float32Array(16), 4, 4);
    expect(await codeOf(running)).toBe('E_BACKEND');
    expect(await codeOf(queued)).toBe('E_BACKEND');
    expect(runs[0]!.ended).toBeUndefined();
    await disposed;
    // The thread ended only after the native run did, and the queued run never reached it.
    expect(runs).toHaveLength(1);
    expect(runs[0]!.ended).toBeDefined();
  });

  it('turns a run the runtime refuses into a rejection of that run, and keeps going', async () => {
    const engine = await startOrtNodeWorker(paperModel(), { threads: 1 });
    const session = new OrtSession('onnxruntime', engine);
    try {
      // 12 values for a 2 x 2 tensor: onnxruntime's Tensor refuses it.
      const refused = await engine.run(new Float32Array(12), 2, 2).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Error);
      expect(String((refused as Error).message)).toMatch(/size/i);
      expect(await session.run(new Float32Array(4), 2, 2)).toHaveLength(4);
    } finally {
      await session.dispose();
    }
  });

  it('rejects with E_BACKEND, with the cause, when the worker thread fails', async () => {
    const error = await WorkerEngine.start('onnxruntime', {
      runtime: '/nonexistent/onnxruntime-node.js',
      model: paperModel(),
      options: {},
      input: 'x',
      output: 'y',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VdsrError', code: 'E_BACKEND' });
    expect((error as Error).message).toContain('worker thread failed');
    expect(String(((error as Error).cause as Error).message)).toContain('/nonexistent/onnxruntime-node.js');
  });

  it('becomes E_BACKEND through the session when the runtime refuses a run', async () => {
    const session = new OrtSession('onnxruntime', {
      run: () => Promise.reject(new Error('bad shape')),
      release: async () => undefined,
    });
    const error = await session.run(new Float32Array(4), 2, 2).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_BACKEND',
      message: 'onnxruntime failed to run a 2 x 2 tile: bad shape',
    });
    expect((error as Error).cause).toEqual(new Error('bad shape'));
    await session.dispose();
  });
});

describe('process exit during a native run', () => {
  const packageDir = fileURLToPath(new URL('..', import.meta.url));
  /** A child that starts a paper-network tile on the built package, then ends by `ending` mid-run. */
  const childEndingWith = (ending: string) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRandomWeights, VDSR_PAPER } from '@vdsr/core';
         import { onnxruntimeBackend } from './dist/node.js';
         const session = await onnxruntimeBackend.createSession(createRandomWeights(3, VDSR_PAPER), { threads: 1 });
         session.run(new Float32Array(${SIDE} * ${SIDE}).fill(0.5), ${SIDE}, ${SIDE});
         setTimeout(() => { ${ending} }, 300);`,
      ],
      { cwd: packageDir, encoding: 'utf8', timeout: 120_000 },
    );

  // Without the wait at exit, Node tears the worker down under the native run and onnxruntime-node
  // aborts the process (SIGABRT, "terminate called after throwing an instance of 'Napi::Error'").
  it('ends with the exit code asked for, not an abort, after process.exit() or an uncaught exception', () => {
    const exited = childEndingWith('process.exit(3);');
    expect(exited.stderr).not.toMatch(/terminate called|Aborted/);
    expect({ status: exited.status, signal: exited.signal }).toEqual({ status: 3, signal: null });
    const threw = childEndingWith("throw new Error('a bug elsewhere');");
    expect(threw.stderr).toMatch(/a bug elsewhere/);
    expect(threw.stderr).not.toMatch(/terminate called/);
    expect({ status: threw.status, signal: threw.signal }).toEqual({ status: 1, signal: null });
  }, 240_000);
});
