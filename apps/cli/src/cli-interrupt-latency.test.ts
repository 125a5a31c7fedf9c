import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeGraph, planTiles, VDSR_PAPER } from '@vdsr/core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, rawImage, startCli, tempFiles, writeRandomWeights } from './test-support/harness.js';

/**
 * A deep, thin network: one 2000 x 1000 tile of it is about 7.7 TFLOP, at least 30 s on one thread of
 * any CPU (250 GFLOP/s is above one core's fp32 peak), yet it needs only ~0.4 GB and a 7.5 MB weights file.
 */
const DEEP = { ...VDSR_PAPER, channels: 16, depth: 840 };
const CORE_PEAK_FLOPS = 250e9;

/**
 * Resolves once the child holds the tile's buffers (~0.5 GB resident; ~0.2 GB before), so the signal
 * comes in the middle of the tile's native run; where /proc is missing, after 5 s.
 */
async function tileRunning(pid: number): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
    if (status === undefined && performance.now() - started > 5000) return;
    if (Number(/VmRSS:\s+(\d+)/.exec(status ?? '')?.[1]) > 400 * 1024) return;
  }
}

const dir = await makeTempDir();
afterAll(() => dir.remove());

describe('vdsr upscale: Ctrl-C during a tile', () => {
  it('ends by SIGINT, cleaned up, before the tile in progress could have finished', async () => {
    const weights = await writeRandomWeights(join(dir.path, 'deep.safetensors'), DEEP);
    await rawImage(1000, 500, 3).png().toFile(join(dir.path, 'in.png'));
    const [tile] = planTiles(2000, 1000, { tileSize: 2048, halo: DEEP.depth });
    const tileSeconds =
      (describeGraph(DEEP).flopsPerPixel * tile!.outer.width * tile!.outer.height) / CORE_PEAK_FLOPS;
    expect(tileSeconds).toBeGreaterThan(30);

    const spawned = performance.now();
    const args = ['upscale', 'in.png', '--scale', '2', '--weights', weights, '--backend', 'onnxruntime'];
    const { child, done } = startCli([...args, '--threads', '1', '--tile', '2048'], dir.path);
    await tileRunning(child.pid!);
    const sent = performance.now();
    child.kill('SIGINT');
    const result = await done;
    const ended = performance.now();
    console.log(
      `Ctrl-C to exit: ${((ended - sent) / 1000).toFixed(2)} s (tile: at least ${tileSeconds.toFixed(0)} s)`,
    );
    expect(result).toMatchObject({ signal: 'SIGINT', code: null });
    expect(result.stderr).toContain('vdsr: interrupted (SIGINT)');
    expect((ended - spawned) / 1000).toBeLessThan(tileSeconds);
    expect((await readdir(dir.path)).filter((name) => name.startsWith('in@'))).toEqual([]);
    expect(await tempFiles(dir.path)).toEqual([]);
  }, 120_000);
});
