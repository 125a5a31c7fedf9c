import { CROSS_ORIGIN_ISOLATION, launchChromium, serveStatic } from '@vdsr/browser-testing';
import type { Browser } from 'playwright-core';

export interface IsolatedSite {
  /** http://127.0.0.1:PORT, no trailing slash. */
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** A built site served with COOP/COEP (cross-origin isolated: threaded wasm), and headless Chromium to visit it. */
export async function openIsolatedSite(root: string): Promise<IsolatedSite> {
  const server = await serveStatic(root, CROSS_ORIGIN_ISOLATION);
  const browser = await launchChromium();
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
