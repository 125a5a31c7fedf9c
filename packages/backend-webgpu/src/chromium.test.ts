import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumMissing, launchChromium } from '@vdsr/browser-testing';
import { describe, expect, it } from 'vitest';
import type { PageResult } from './browser/conformance-page.js';
import { servePage } from './browser/serve-page.fixture.js';

describe.skipIf(chromiumMissing())('webgpu in headless Chromium (SwiftShader)', () => {
  it('passes the core conformance suite through the web entry', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vdsr-webgpu-'));
    const server = await servePage(join(import.meta.dirname, 'browser/conformance-page.ts'), root);
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
