import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { PAGE_TESTS, type PageTestInfo, type PageTestResult, type PageTestsHandle } from './page-tests.js';
import { serveStatic } from './serve.js';

export interface PageSuiteOptions {
  /** Files served next to the page by their base name (a backend's .wasm files). */
  assets?: string[];
  /** Response headers, e.g. CROSS_ORIGIN_ISOLATION. */
  headers?: OutgoingHttpHeaders;
  webgpu?: boolean;
}

/** A test page open in headless Chromium, with the tests it registered through createPageTests. */
export interface PageSuite {
  readonly page: Page;
  readonly tests: readonly PageTestInfo[];
  run(id: number): Promise<PageTestResult>;
  finish(): Promise<PageTestResult>;
  close(): Promise<void>;
}

/**
 * Bundles `entry` (a module that registers tests with createPageTests and calls expose()) with
 * esbuild, serves it on 127.0.0.1 and opens it in headless Chromium. Page errors and console errors
 * are appended to failing results, so a failure in the browser reads in the test report.
 */
export async function openPageSuite(entry: string, options: PageSuiteOptions = {}): Promise<PageSuite> {
  const dir = await mkdtemp(join(tmpdir(), 'vdsr-page-'));
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  const cleanup = async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await build({
      entryPoints: { page: entry },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: dir,
      logLevel: 'error',
    });
    for (const asset of options.assets ?? []) await copyFile(asset, join(dir, basename(asset)));
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><script type="module" src="./page.js"></script>',
    );
    server = await serveStatic(dir, options.headers);
    browser = await launchChromium({ webgpu: options.webgpu });
    const page = await browser.newPage();
    const log: string[] = [];
    page.on('pageerror', (error) => log.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') log.push(`console error: ${message.text()}`);
    });
    await page.goto(`${server.url}/`);
    await page
      .waitForFunction((key) => key in globalThis, PAGE_TESTS, { timeout: 60_000 })
      .catch(() => {
        throw new Error(`the test page did not register its tests\n${log.join('\n')}`);
      });
    // Evaluated in the page: each function must stand alone (no closures over Node's scope).
    type Handles = Record<string, PageTestsHandle>;
    const tests = await page.evaluate((key) => (globalThis as unknown as Handles)[key]!.list(), PAGE_TESTS);
    const withLog = (result: PageTestResult): PageTestResult => {
      const seen = log.splice(0);
      return result.ok || seen.length === 0
        ? result
        : { ok: false, message: `${result.message}\n${seen.join('\n')}` };
    };
    return {
      page,
      tests,
      run: async (id) =>
        withLog(
          await page.evaluate(({ key, i }) => (globalThis as unknown as Handles)[key]!.run(i), {
            key: PAGE_TESTS,
            i: id,
          }),
        ),
      finish: async () =>
        withLog(await page.evaluate((key) => (globalThis as unknown as Handles)[key]!.finish(), PAGE_TESTS)),
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The test framework's functions mirrorPageSuite registers with (vitest's satisfy it). */
export interface MirrorApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeout?: number): void;
  afterAll(body: () => Promise<void>, timeout?: number): void;
}

/**
 * Registers each test of an open page as a test of the Node framework, nested in the same describes,
 * whose body runs it in the browser and fails with the browser's message. Closes the page afterwards.
 */
export function mirrorPageSuite(suite: PageSuite, api: MirrorApi, timeout = 120_000): void {
  type Node = { tests: PageTestInfo[]; children: Map<string, Node> };
  const tree: Node = { tests: [], children: new Map() };
  for (const test of suite.tests) {
    let node = tree;
    for (const name of test.path) {
      if (!node.children.has(name)) node.children.set(name, { tests: [], children: new Map() });
      node = node.children.get(name)!;
    }
    node.tests.push(test);
  }
  const register = (node: Node) => {
    for (const test of node.tests) {
      api.it(
        test.name,
        async () => {
          const result = await suite.run(test.id);
          if (!result.ok) throw new Error(result.message);
        },
        test.timeout ?? timeout,
      );
    }
    for (const [name, child] of node.children) api.describe(name, () => register(child));
  };
  register(tree);
  api.afterAll(async () => {
    try {
      const result = await suite.finish();
      if (!result.ok) throw new Error(`afterAll in the page: ${result.message}`);
    } finally {
      await suite.close();
    }
  }, timeout);
}
