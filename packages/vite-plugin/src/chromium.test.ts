import '@vdsr/backend-onnxruntime';
import { join } from 'node:path';
import { chromiumMissing, launchChromium, serveStatic } from '@vdsr/browser-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vdsr } from './plugin.js';
import { buildSite, emitted, makeSite, testImages } from './test-site.js';

describe.skipIf(chromiumMissing())('the built srcset in headless Chromium', () => {
  let site: Awaited<ReturnType<typeof makeSite>>;
  let double: string;

  beforeAll(async () => {
    site = await makeSite((await testImages()).png);
    const { output } = await buildSite(site.root, vdsr());
    double = emitted(output, 'hero@160x96.png').fileName;
  });
  afterAll(() => site?.remove());

  it('shows the 2x image at devicePixelRatio 2, the original at 1', async () => {
    const server = await serveStatic(join(site.root, 'dist'));
    const browser = await launchChromium();
    try {
      const shown = async (deviceScaleFactor: number) => {
        const page = await browser.newPage({ deviceScaleFactor });
        await page.goto(`${server.url}/`);
        await page.waitForFunction(() => {
          const img = document.querySelector<HTMLImageElement>('#hero');
          return img?.complete && img.naturalWidth > 0;
        });
        const result = await page.$eval('#hero', (img) => {
          const { currentSrc, naturalWidth, width } = img as HTMLImageElement;
          return { currentSrc, naturalWidth, width };
        });
        await page.close();
        return result;
      };
      // A 2x candidate reports its density-corrected size: 160 px / 2.
      expect(await shown(2)).toEqual({ currentSrc: `${server.url}/${double}`, naturalWidth: 80, width: 80 });
      expect((await shown(1)).currentSrc).toMatch(/\/assets\/hero-[\w-]+\.png$/);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
