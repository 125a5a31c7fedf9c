import { fileURLToPath } from 'node:url';
import { chromiumMissing, mirrorPageSuite, openPageSuite } from '@vdsr/browser-testing';
import { afterAll, describe, it } from 'vitest';

// Each test below runs in headless Chromium (WebGL2 through SwiftShader here) and fails with the
// browser's message; the page is bundled from webgl.page.ts.
const missing = chromiumMissing();
const suite = missing
  ? undefined
  : await openPageSuite(fileURLToPath(new URL('./webgl.page.ts', import.meta.url)));

describe.skipIf(missing)(`tfjs-webgl in headless Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  if (suite) mirrorPageSuite(suite, { describe, it, afterAll }, 300_000);
});
