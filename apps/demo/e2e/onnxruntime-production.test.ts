import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissing } from '@vdsr/browser-testing';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IsolatedSite, openIsolatedSite } from './isolated-site.js';

// onnxruntime-web with threads in a Vite production build (issue 8): small fixture apps, built
// for real, served with COOP/COEP, run in headless Chromium.
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const ortDist = dirname(
  createRequire(import.meta.url).resolve('onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs'),
);

async function buildFixture(name: string, outDir: string): Promise<void> {
  await build({
    root: join(fixtures, name),
    configFile: false,
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

describe.skipIf(chromiumMissing())('onnxruntime-web, 2 threads, in a vite build', () => {
  let root: string;
  let site: IsolatedSite;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vdsr-ort-build-'));
    await buildFixture('threads-page', join(root, 'threads'));
    await buildFixture('merged-page', join(root, 'merged'));
    // The runtime's own files, served where options.wasmPaths points.
    await mkdir(join(root, 'merged/ort'));
    for (const file of ['ort-wasm-simd-threaded.jsep.mjs', 'ort-wasm-simd-threaded.jsep.wasm']) {
      await copyFile(join(ortDist, file), join(root, 'merged/ort', file));
    }
    site = await openIsolatedSite(root);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    await rm(root, { recursive: true, force: true });
  });

  async function outcome(path: string): Promise<{ result: unknown; workers: string[]; isolated: boolean }> {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}${path}`);
      await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'running', null, {
        timeout: 30_000,
      });
      return {
        result: JSON.parse((await page.textContent('#out')) ?? ''),
        workers: page.workers().map((w) => new URL(w.url()).pathname),
        isolated: await page.evaluate(() => globalThis.crossOriginIsolated),
      };
    } finally {
      await page.close();
    }
  }

  it('upscales by default, its thread workers loading the runtime chunk alone', async () => {
    const { result, workers, isolated } = await outcome('/threads/');
    expect(isolated).toBe(true);
    expect(result).toEqual({ width: 64, height: 64 });
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) expect(worker).toMatch(/\/threads\/assets\/ort\.bundle\.min-[\w-]+\.js$/);
  }, 90_000);

  it('fails with E_BACKEND instead of hanging when the workers load the app bundle', async () => {
    const { result } = await outcome('/merged/?startTimeout=4000');
    expect(result).toMatchObject({
      code: 'E_BACKEND',
      message: expect.stringMatching(/did not start a session within 4000 ms.*wasmPaths/),
    });
  }, 90_000);

  it("upscales with wasmPaths pointing at the runtime's own files", async () => {
    const { result, workers } = await outcome('/merged/?wasmPaths=/merged/ort/');
    expect(result).toEqual({ width: 64, height: 64 });
    expect(workers).toContain('/merged/ort/ort-wasm-simd-threaded.jsep.mjs');
  }, 90_000);
});
