import '@vdsr/backend-onnxruntime';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vdsr } from './plugin.js';
import { decodeRgb, makeSite, testImages } from './test-site.js';

describe('vite dev', () => {
  let site: Awaited<ReturnType<typeof makeSite>>;
  let server: ViteDevServer;
  let origin: string;
  const plugin = vdsr();

  beforeAll(async () => {
    site = await makeSite((await testImages()).png);
    server = await createServer({
      root: site.root,
      configFile: false,
      logLevel: 'silent',
      plugins: [plugin],
      server: { host: '127.0.0.1', port: 0, ws: false },
    });
    await server.listen();
    origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server?.close();
    await site?.remove();
  });

  /** The default export of a module as the dev server serves it to the browser. */
  async function importDefault(path: string): Promise<string> {
    const code = await (await fetch(`${origin}${path}`)).text();
    const match = /export default (".*?");/.exec(code);
    if (!match) throw new Error(`no default export in ${code}`);
    return JSON.parse(match[1]!);
  }

  it('serves the upscaled image, from the same cache as builds', async () => {
    const url = await importDefault('/src/hero.png?vdsr&scale=2&import');
    expect(url).toMatch(/^\/@vdsr\/[0-9a-f]{64}\.png$/);
    const response = await fetch(`${origin}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const image = await decodeRgb(bytes);
    expect([image.width, image.height]).toEqual([160, 96]);
    const cached = await readFile(join(plugin.api.cacheDir!, url.slice('/@vdsr/'.length)));
    expect(Buffer.compare(cached, bytes)).toBe(0);
    expect(plugin.api.stats).toMatchObject({ upscaled: 1, cached: 0 });
  });

  it('answers the srcset import with the source file as 1x and cached images for the rest', async () => {
    const code = await (await fetch(`${origin}/src/hero.png?vdsr&srcset=1,2&import`)).text();
    const value = JSON.parse(/export default (\{.*\});/.exec(code)![1]!);
    expect(value).toMatchObject({ src: '/src/hero.png', width: 80, height: 48 });
    expect(value.srcset).toMatch(/^\/src\/hero\.png 1x, \/@vdsr\/[0-9a-f]{64}\.png 2x$/);
    // Same 2x image as the URL import above: read back, not upscaled again.
    expect(plugin.api.stats).toMatchObject({ upscaled: 1, cached: 1 });
  });

  it('reports a failed import with the file and the cause', async () => {
    const response = await fetch(`${origin}/src/missing.png?vdsr&scale=2&import`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain(
      `src/missing.png?vdsr&scale=2: Cannot read the image: ENOENT: no such file or directory, open '${join(site.root, 'src', 'missing.png')}'`,
    );
  });

  it('answers 404 for a key that is not cached', async () => {
    expect((await fetch(`${origin}/@vdsr/${'0'.repeat(64)}.png`)).status).toBe(404);
  });
});
