import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CROSS_ORIGIN_ISOLATION, chromiumMissing, launchChromium, serveStatic } from './index.js';

describe.skipIf(chromiumMissing())('headless Chromium on a local server', () => {
  it('loads a page cross-origin isolated, with WebGL2 and WebGPU', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vdsr-serve-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>');
    const server = await serveStatic(root, CROSS_ORIGIN_ISOLATION);
    const browser = await launchChromium({ webgpu: true });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      const found = await page.evaluate(async () => ({
        title: document.title,
        isolated: globalThis.crossOriginIsolated,
        webgl2: document.createElement('canvas').getContext('webgl2') !== null,
        webgpu:
          (await (
            navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }
          ).gpu?.requestAdapter()) != null,
      }));
      expect(found).toEqual({ title: 'ok', isolated: true, webgl2: true, webgpu: true });
      expect((await fetch(`${server.url}/../../etc/passwd`)).status).toBe(404);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
