// The Chromium half of `pnpm bench`: our kernels, tfjs-backend-webgpu and onnxruntime-web's WebGPU
// provider on the browser's adapter (SwiftShader without a GPU), from bench/page.mjs served on
// 127.0.0.1 with onnxruntime-web's wasm files beside it; onnxruntime-node's CPU rate measured here.
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromiumMissing, launchChromium, serveStatic } from '@vdsr/browser-testing';
import { build } from 'esbuild';
import { describe, it } from 'vitest';
import { measureAll } from './measure.mjs';
import { cpuCandidate } from './node-candidates.mjs';
import { printTable } from './table.mjs';

const ortDist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));

async function servePage(root: string) {
  await build({
    entryPoints: [join(import.meta.dirname, 'page.mjs')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(root, 'bench.js'),
    logLevel: 'error',
  });
  for (const file of await readdir(ortDist)) {
    if (/^ort-wasm-.*\.(wasm|mjs)$/.test(file)) await cp(join(ortDist, file), join(root, 'ort', file));
  }
  await writeFile(join(root, 'index.html'), '<!doctype html><script type="module" src="bench.js"></script>');
  return serveStatic(root);
}

describe.skipIf(chromiumMissing())('WebGPU in headless Chromium', () => {
  it('prints GFLOP/s of our kernels, tfjs-backend-webgpu and onnxruntime-web webgpu', async () => {
    const cpuRows = await measureAll([await cpuCandidate()]);
    const root = await mkdtemp(join(tmpdir(), 'vdsr-webgpu-bench-'));
    const server = await servePage(root);
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
