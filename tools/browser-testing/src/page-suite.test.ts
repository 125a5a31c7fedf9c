import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumMissing, openPageSuite } from './index.js';

describe.skipIf(chromiumMissing())('page suites', () => {
  it("list a page's tests with their describes, run them in the browser with their hooks, and report failures", async () => {
    const suite = await openPageSuite(
      fileURLToPath(new URL('./__fixtures__/sample.page.ts', import.meta.url)),
    );
    try {
      expect(suite.tests).toEqual([
        { id: 0, path: ['outer'], name: 'passes in the browser' },
        { id: 1, path: ['outer', 'inner'], name: 'fails with the message', timeout: 5000 },
      ]);
      expect(await suite.run(0)).toEqual({ ok: true });
      const failed = await suite.run(1);
      expect(failed.ok).toBe(false);
      expect(!failed.ok && failed.message).toMatch(/^expected \[1,2\] to equal \[1,3\]/);
      expect(await suite.finish()).toEqual({ ok: true });
      expect(await suite.page.title()).toBe('before outer,test 1');
    } finally {
      await suite.close();
    }
  }, 60_000);
});
