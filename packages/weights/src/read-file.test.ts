import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWeightsFile, readWeightsFile } from './read-file.js';
import { METRICS, PROVENANCE, randomWeightsFile, TINY } from './test-weights.js';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vdsr-weights-'));
  file = join(dir, 'vdsr.safetensors');
  await writeFile(file, await randomWeightsFile(7));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readWeightsFile', () => {
  it('reads and decodes a weights file', async () => {
    const weights = await readWeightsFile(file);
    expect(weights.dtype).toBe('F16');
    expect(weights.architecture).toEqual(TINY);
    expect(weights.layers).toHaveLength(TINY.depth);
    expect(weights.metadata.provenance).toEqual(PROVENANCE);
    expect(weights.metadata.metrics).toEqual(METRICS);
  });

  it('says that no trained weights are installed when the file is missing', async () => {
    const missing = join(dir, 'absent.safetensors');
    const error = await readWeightsFile(missing).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VdsrError', code: 'E_WEIGHTS' });
    expect((error as Error).message).toContain('No trained VDSR weights are installed');
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toContain('training/README.md');
  });

  it('throws E_IO when the path cannot be read as a file', async () => {
    await expect(readWeightsFile(dir)).rejects.toMatchObject({ code: 'E_IO' });
  });

  it('throws E_WEIGHTS for a file that is not a weights file', async () => {
    const junk = join(dir, 'junk.safetensors');
    await writeFile(junk, new Uint8Array(64).fill(7));
    await expect(readWeightsFile(junk)).rejects.toMatchObject({ code: 'E_WEIGHTS' });
  });
});

describe('isWeightsFile', () => {
  it('is true for a file, false for a missing path or a folder', async () => {
    expect(await isWeightsFile(file)).toBe(true);
    expect(await isWeightsFile(join(dir, 'absent.safetensors'))).toBe(false);
    expect(await isWeightsFile(dir)).toBe(false);
  });
});
