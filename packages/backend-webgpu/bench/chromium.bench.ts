// The Chromium half of `pnpm bench`: our kernels, tfjs-backend-webgpu and onnxruntime-web's WebGPU
// provider on the browser's adapter (SwiftShader without a GPU), from bench/page.mjs served on
// 127.0.0.1 with onnxruntime-web's wasm files beside it; onnxruntime-node's CPU rate measured here.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumMissing, launchChromium } from '@vdsr/browser-testing';
import { describe, it } from 'vitest';
import { servePage } from '../src/browser/serve-page.fixture.js';
import { BROWSER_PLAN, measureAll } from './measure.mjs';
import { cpuCandidate } from './node-candidates.mjs';
import { printTable } from './table.mjs';

const ortDist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));

/** The page, with onnxruntime-web's wasm files under /ort/. */
async function serveBench(root: string) {
  for (const file of await readdir(ortDist)) {
    if (/^ort-wasm-.*\.(wasm|mjs)$/.test(file)) await cp(join(ortDist, file), join(root, 'ort', file));
  }
  return servePage(join(import.meta.dirname, 'page.mjs'), root);
}

describe.skipIf(chromiumMissing())('WebGPU in headless Chromium', () => {
  it('prints GFLOP/s of our kernels, tfjs-backend-webgpu and onnxruntime-web webgpu', async () => {
    const cpuRows = await measureAll([await cpuCandidate()], BROWSER_PLAN);
    const root = await mkdtemp(join(tmpdir(), 'vdsr-webgpu-bench-'));
    const server = await serveBench(root);
    const browser = await launchChromium({ webgpu: true });
    try {
      const page = await browser.newPage();
      page.on('console', (message) => console.log(`  [chromium] ${message.text()}`));
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => 'benchResult' in globalThis);
      type Result = {
        adapter: string;
        shaderF16: boolean;
        rows: { size: number; ms: number }[];
        error?: string;
      };
      const result = await page.evaluate(
        () => (globalThis as unknown as { benchResult: Promise<Result> }).benchResult,
      );
      if (result.error) throw new Error(result.error);
      printTable(
        `Headless Chromium, WebGPU (shader-f16: ${result.shaderF16 ? 'yes' : 'no'}); onnxruntime-node in Node`,
        result.rows.map((row) => ({ ...row, adapter: result.adapter })),
        cpuRows,
      );
    } finally {
      await browser.close();
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  }, 1_800_000);
});
