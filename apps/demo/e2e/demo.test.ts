import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissing, launchChromium } from '@vdsr/browser-testing';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IsolatedSite, openIsolatedSite } from './isolated-site.js';

const app = fileURLToPath(new URL('..', import.meta.url));
const repo = join(app, '../..');

/** A PNG drawn in the page: stripes, rings and text, the detail VDSR restores better than bicubic. */
function drawTestImage(page: Page, width: number, height: number): Promise<Buffer> {
  return page
    .evaluate(
      async ([w, h]) => {
        const canvas = new OffscreenCanvas(w!, h!);
        const c = canvas.getContext('2d')!;
        c.fillStyle = '#f4efe6';
        c.fillRect(0, 0, w!, h!);
        for (let x = 0; x < w!; x += 7) {
          c.fillStyle = `hsl(${(x * 5) % 360} 60% 40%)`;
          c.fillRect(x, 0, 3, h! / 3);
        }
        c.lineWidth = 2;
        for (let r = 4; r < h! / 2; r += 6) {
          c.strokeStyle = r % 12 ? '#1a3d6e' : '#b8412a';
          c.beginPath();
          c.arc(w! * 0.7, h! * 0.65, r, 0, Math.PI * 2);
          c.stroke();
        }
        c.fillStyle = '#111';
        c.font = `bold ${Math.round(h! / 5)}px sans-serif`;
        c.fillText('VDSR', 2, h! * 0.62);
        c.font = `${Math.round(h! / 8)}px serif`;
        c.fillText('abc 123', 2, h! * 0.9);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        return [...new Uint8Array(await blob.arrayBuffer())];
      },
      [width, height],
    )
    .then((bytes) => Buffer.from(bytes));
}

/** Small images drawn in the page: `grey` (one channel), `alpha` (transparent left half) or a JPEG `wide` 40 x 20. */
function drawKind(page: Page, kind: 'grey' | 'alpha' | 'wide'): Promise<Buffer> {
  return page
    .evaluate(async (which) => {
      const canvas = new OffscreenCanvas(which === 'wide' ? 40 : 32, which === 'wide' ? 20 : 32);
      const c = canvas.getContext('2d')!;
      c.fillStyle = which === 'wide' ? '#c33' : '#777';
      c.fillRect(which === 'alpha' ? 16 : 0, 0, canvas.width, canvas.height);
      c.fillStyle = which === 'grey' ? '#fff' : '#36c';
      c.fillRect(20, 4, 8, 8);
      const blob = await canvas.convertToBlob({ type: which === 'wide' ? 'image/jpeg' : 'image/png' });
      return [...new Uint8Array(await blob.arrayBuffer())];
    }, kind)
    .then((bytes) => Buffer.from(bytes));
}

/** The JPEG with an EXIF segment saying "rotate 90 degrees clockwise to view" (orientation 6). */
function withExifOrientation6(jpeg: Buffer): Buffer {
  const tiff = Buffer.from([
    ...[0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8], // big-endian TIFF, first IFD at 8
    ...[0, 1], // one entry
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0], // Orientation, SHORT, 1 value: 6
    ...[0, 0, 0, 0], // no next IFD
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** Picks a file and waits until the page has decoded it or said why not. */
async function upload(page: Page, name: string, buffer: Buffer, mimeType = 'image/png'): Promise<void> {
  await page.evaluate(() => {
    document.getElementById('image-info')!.textContent = '';
  });
  await page.setInputFiles('#file', { name, mimeType, buffer });
  await page.waitForFunction(
    () =>
      document.getElementById('image-info')!.textContent !== '' || !document.getElementById('error')!.hidden,
  );
}

/** Picks a backend and waits until its session has started. */
async function pick(page: Page, backend: string): Promise<string> {
  await page.selectOption('#backend', backend);
  await page.waitForFunction(
    () => /precision/.test(document.getElementById('backend-info')!.textContent!),
    null,
    {
      timeout: 60_000,
    },
  );
  return (await page.textContent('#backend-info'))!;
}

/** Runs an upscale to the end and returns the timing and PSNR lines. */
async function run(page: Page): Promise<{ timing: string; psnr: string }> {
  await page.click('#start');
  await page.waitForFunction(() => document.getElementById('progress-text')!.textContent === 'done', null, {
    timeout: 90_000,
  });
  return { timing: (await page.textContent('#timing'))!, psnr: (await page.textContent('#psnr'))! };
}

describe.skipIf(chromiumMissing())('the demo, built and served with COOP/COEP, in headless Chromium', () => {
  let root: string;
  let site: IsolatedSite;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vdsr-demo-'));
    await build({ root: app, logLevel: 'error', build: { outDir: root, emptyOutDir: true } });
    site = await openIsolatedSite(root);
    page = await site.browser.newPage({ viewport: { width: 1100, height: 1000 } });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => document.querySelectorAll('#backend option').length > 1);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const timings: Record<string, string> = {};

  it('lists auto first, every registered backend, unavailable ones greyed with the reason', async () => {
    const options = await page.$$eval('#backend option', (all) =>
      all.map((o) => {
        const { value, disabled, title } = o as HTMLOptionElement;
        return { value, disabled, title };
      }),
    );
    expect(options[0]).toMatchObject({ value: 'auto', disabled: false });
    expect(options.map((o) => o.value)).toEqual(
      expect.arrayContaining(['onnxruntime-web', 'onnxruntime-webgpu', 'tfjs-webgl', 'webgpu', 'reference']),
    );
    // Chromium runs here without WebGPU, so neither WebGPU backend can be offered.
    for (const name of ['onnxruntime-webgpu', 'webgpu']) {
      expect(options.find((o) => o.value === name)).toMatchObject({
        disabled: true,
        title: expect.stringMatching(/WebGPU|navigator\.gpu|adapter/),
      });
    }
    // WebGL2 on SwiftShader: offered, ranked below wasm.
    expect(options.find((o) => o.value === 'tfjs-webgl')).toMatchObject({
      disabled: false,
      title: 'priority 5 here',
    });
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    expect(await pick(page, 'auto')).toMatch(/^onnxruntime-web: precision f32, 2 threads/);
  });

  it("offers both WebGPU backends on a software adapter, but 'auto' stays on wasm; ours upscales", async () => {
    const browser = await launchChromium({ webgpu: true });
    try {
      const gpuPage = await browser.newPage();
      await gpuPage.goto(`${site.url}/`);
      await gpuPage.waitForFunction(() => document.querySelectorAll('#backend option').length > 1);
      for (const name of ['onnxruntime-webgpu', 'webgpu']) {
        const option = await gpuPage.$eval(`#backend option[value="${name}"]`, (o) => {
          const { disabled, title } = o as HTMLOptionElement;
          return { disabled, title };
        });
        // SwiftShader: available, but ranked below wasm (10).
        expect(option).toEqual({ disabled: false, title: 'priority 5 here' });
      }
      expect(await gpuPage.textContent('#backend option[value="auto"]')).toBe('auto (onnxruntime-web)');
      await upload(gpuPage, 'pattern.png', await drawTestImage(gpuPage, 64, 64));
      await gpuPage.check('#measure');
      expect(await pick(gpuPage, 'webgpu')).toMatch(/^webgpu: precision f(32|16)/);
      const { timing, psnr } = await run(gpuPage);
      expect(timing).toMatch(/^64 x 64 on webgpu in \d+ ms/);
      const [bicubic, vdsr] = [...psnr.matchAll(/([\d.]+) dB/g)].map((m) => Number(m[1]));
      expect(vdsr).toBeGreaterThan(bicubic! + 0.3);
      timings.webgpu = `${timing}; ${psnr}`;
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('shows a clear error for a file that is not an image, and carries on', async () => {
    await upload(page, 'notes.txt', Buffer.from('not an image'), 'text/plain');
    expect(await page.textContent('#error')).toMatch(/not an image the browser can decode/);
    expect(await page.isDisabled('#start')).toBe(true);
  });

  it('upscales with every backend offered, VDSR beating bicubic against the original', async () => {
    await upload(page, 'pattern.png', await drawTestImage(page, 64, 64));
    expect(await page.isVisible('#error')).toBe(false);
    expect(await page.textContent('#image-info')).toBe('pattern.png: 64 x 64, RGB');
    await page.check('#measure');
    const offered = await page.$$eval('#backend option:not([disabled])', (all) =>
      all.map((o) => (o as HTMLOptionElement).value),
    );
    for (const backend of offered) {
      await pick(page, backend);
      const { timing, psnr } = await run(page);
      // Shrunk x2 to 32 x 32, then brought back to the original's 64 x 64.
      expect(timing).toMatch(/^64 x 64 on [\w-]+ in \d+ ms/);
      const [bicubic, vdsr] = [...psnr.matchAll(/([\d.]+) dB/g)].map((m) => Number(m[1]));
      expect(vdsr).toBeGreaterThan(bicubic! + 0.3);
      timings[backend] = `${timing}; ${psnr}`;
    }
    console.log(timings);
    expect(Object.keys(timings)).toEqual(
      expect.arrayContaining(['auto', 'onnxruntime-web', 'tfjs-webgl', 'reference']),
    );
  }, 240_000);

  it('gives the requested size for a plain upscale, and refuses one too large up front', async () => {
    await page.uncheck('#measure');
    await pick(page, 'onnxruntime-web');
    await page.selectOption('#scale', '3');
    expect((await run(page)).timing).toMatch(/^192 x 192 on onnxruntime-web/);
    // An output the tab could not hold is refused before any work starts.
    await page.selectOption('#scale', 'width');
    await page.fill('#target-width', '20000');
    await page.click('#start');
    expect(await page.textContent('#error')).toMatch(
      /^A 20000 x 20000 result \(400\.0 MP\) is more than this tab can hold safely/,
    );
    expect(await page.textContent('#progress-text')).toBe('done');
    await page.selectOption('#scale', '2');
  }, 120_000);

  it('takes a screenshot: the sample image, x2, measured, magnified', async () => {
    await upload(page, 'sample.png', await readFile(join(repo, 'examples/sample.png')));
    await page.selectOption('#scale', '2');
    await page.check('#measure');
    await pick(page, 'auto');
    const { timing, psnr } = await run(page);
    expect(timing).toMatch(/^256 x 192 on onnxruntime-web/);
    const [bicubic, vdsr] = [...psnr.matchAll(/([\d.]+) dB/g)].map((m) => Number(m[1]));
    expect(vdsr).toBeGreaterThan(bicubic!);
    // Mostly VDSR in the slider, the loupe on its text; the rings for the crops.
    await page.fill('#split', '0.3');
    const box = (await page.locator('#after').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.78, box.y + box.height * 0.78);
    await page.mouse.move(box.x + box.width * 0.42, box.y + box.height * 0.3, { steps: 4 });
    await page.waitForFunction(() => !document.getElementById('loupe')!.hidden, null, { timeout: 5_000 });
    const screenshot = await page.screenshot({ fullPage: true });
    expect(screenshot.length).toBeGreaterThan(20_000);
    await writeFile(join(root, 'demo.png'), screenshot);
    if (process.env.VDSR_UPDATE_SCREENSHOT) await writeFile(join(repo, 'docs/demo.png'), screenshot);
  }, 120_000);

  it('downloads the result as PNG and WebP', async () => {
    const save = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
    };
    const png = await save('#download-png');
    expect(png.name).toBe('sample-vdsr.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([256, 192]);
    const webp = await save('#download-webp');
    expect(webp.name).toBe('sample-vdsr.webp');
    expect(webp.bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('keeps grey images grey and transparency, and turns images upright by their EXIF orientation', async () => {
    await page.uncheck('#measure');
    await page.selectOption('#scale', '2');
    await pick(page, 'onnxruntime-web');
    /** The result's RGBA at (x, y). */
    const pixel = (x: number, y: number) =>
      page.$eval(
        '#after',
        (canvas, [px, py]) => [
          ...(canvas as HTMLCanvasElement).getContext('2d')!.getImageData(px!, py!, 1, 1).data,
        ],
        [x, y],
      );

    await upload(page, 'grey.png', await drawKind(page, 'grey'));
    expect(await page.textContent('#image-info')).toBe('grey.png: 32 x 32, grey');
    await run(page);
    const [r, g, b] = await pixel(50, 16);
    expect(r).toBe(g);
    expect(g).toBe(b);

    await upload(page, 'alpha.png', await drawKind(page, 'alpha'));
    expect(await page.textContent('#image-info')).toBe('alpha.png: 32 x 32, RGB + alpha');
    await run(page);
    expect((await pixel(4, 32))[3]).toBe(0);
    expect((await pixel(50, 50))[3]).toBe(255);

    await upload(page, 'rotated.jpg', withExifOrientation6(await drawKind(page, 'wide')), 'image/jpeg');
    expect(await page.textContent('#image-info')).toBe('rotated.jpg: 20 x 40, RGB');
    expect((await run(page)).timing).toMatch(/^40 x 80 on onnxruntime-web/);
  }, 120_000);

  it('cancels mid-run within a tile, stays responsive and usable', async () => {
    // x2 gives 600 x 140: three tiles of 256 x 140 (296 x 180 with the halo).
    await upload(page, 'wide.png', await drawTestImage(page, 300, 70));
    await page.uncheck('#measure');
    await page.selectOption('#scale', '2');
    // Every progress line shown, in order.
    await page.evaluate(() => {
      const text = document.getElementById('progress-text')!;
      const seen: string[] = [];
      (globalThis as { seen?: string[] }).seen = seen;
      new MutationObserver(() => seen.push(text.textContent!)).observe(text, { childList: true });
    });
    await page.click('#start');
    await page.waitForFunction(
      () => /^tile 1 of 3/.test(document.getElementById('progress-text')!.textContent!),
      null,
      { timeout: 60_000 },
    );
    // The page answers while the worker computes: the before/after slider moves at once.
    const started = Date.now();
    await page.fill('#split', '0.25');
    const clip = await page.$eval('#before', (c) => (c as HTMLElement).style.clipPath);
    expect(clip).toBe('inset(0px 75% 0px 0px)');
    expect(Date.now() - started).toBeLessThan(1_000);
    await page.click('#cancel');
    await page.waitForFunction(
      () => document.getElementById('progress-text')!.textContent === 'cancelled',
      null,
      { timeout: 30_000 },
    );
    // The tile under way may finish; the third never runs.
    const seen = await page.evaluate(() => (globalThis as { seen?: string[] }).seen!);
    expect(seen.filter((line) => /^tile 3/.test(line))).toEqual([]);
    expect(await page.isVisible('#error')).toBe(false);
    await upload(page, 'pattern.png', await drawTestImage(page, 64, 64));
    expect((await run(page)).timing).toMatch(/^128 x 128 on onnxruntime-web/);
    expect(errors).toEqual([]);
  }, 150_000);
});
