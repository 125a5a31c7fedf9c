import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumMissing, launchChromium, serveStatic } from '@vdsr/browser-testing';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { PageResult } from './browser/conformance-page.js';

describe.skipIf(chromiumMissing())('webgpu in headless Chromium (SwiftShader)', () => {
  it('passes the core conformance suite through the web entry', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vdsr-webgpu-'));
    await build({
      entryPoints: [join(import.meta.dirname, 'browser/conformance-page.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(root, 'suite.js'),
      logLevel: 'error',
    });
    await writeFile(
      join(root, 'index.html'),
      '<!doctype html><script type="module" src="suite.js"></script>',
    );
    const server = await serveStatic(root);
    const browser = await launchChromium({ webgpu: true });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => 'runSuite' in globalThis);
      // SwiftShader is a software adapter: usable, ranked below the wasm backends.
      expect(
        await page.evaluate(() =>
          (globalThis as unknown as { availability(): Promise<unknown> }).availability(),
        ),
      ).toEqual({ available: true, priority: 5 });
      const results = await page.evaluate(() =>
        (globalThis as unknown as { runSuite(): Promise<PageResult[]> }).runSuite(),
      );
      for (const r of results)
        console.log(`${r.error ? 'FAIL' : 'ok  '} ${r.ms.toFixed(0).padStart(6)} ms  ${r.name}`);
      expect(results.length).toBeGreaterThan(5);
      expect(results.filter((r) => r.error)).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
      await rm(root, { recursive: true, force: true });
    }
  }, 300_000);
});
