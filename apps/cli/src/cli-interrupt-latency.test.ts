import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import '@vdsr/backend-onnxruntime';
import { createSession, planTiles } from '@vdsr/core';
import { loadWeights } from '@vdsr/weights';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, rawImage, startCli, tempFiles } from './test-support/harness.js';

/** Seconds one default tile of a 4000 x 3000 output takes here and now (the machine may be busy). */
async function defaultTileSeconds(): Promise<number> {
  const session = await createSession(await loadWeights(), { backend: 'onnxruntime' });
  try {
    const [tile] = planTiles(4000, 3000, { memoryBudget: session.memoryBudget });
    const { width, height } = tile!.outer;
    const start = performance.now();
    await session.run(new Float32Array(width * height).fill(0.5), width, height);
    return (performance.now() - start) / 1000;
  } finally {
    await session.dispose();
  }
}

const dir = await makeTempDir();
afterAll(() => dir.remove());

describe('vdsr upscale: Ctrl-C latency', () => {
  it('exits 130 within seconds of SIGINT in the middle of a big image at default settings', async () => {
    // 2000 x 1500 at x2 is 12 MP out: minutes of work for the shipped network on onnxruntime.
    await rawImage(2000, 1500, 3).png({ compressionLevel: 1 }).toFile(join(dir.path, 'big.png'));
    const { child, done } = startCli(['upscale', 'big.png', '--scale', '2'], dir.path);
    // Well into the upscale: past start-up, decoding and the session, into the tiles.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const sent = performance.now();
    child.kill('SIGINT');
    const result = await done;
    const latency = (performance.now() - sent) / 1000;
    const tile = await defaultTileSeconds();
    console.log(`Ctrl-C latency: ${latency.toFixed(2)} s (one default tile: ${tile.toFixed(2)} s here now)`);
    expect(result.code).toBe(130);
    // At most the tile in progress and a bit: about 1 s on an idle 2-core machine. A busy machine
    // stretches tiles, hence the allowance in tiles; a 2-megapixel tile (the former default) is 10 times more.
    expect(latency).toBeLessThan(Math.max(5, 3 * tile));
    expect((await readdir(dir.path)).filter((name) => name.startsWith('big@'))).toEqual([]);
    expect(await tempFiles(dir.path)).toEqual([]);
  }, 120_000);
});
