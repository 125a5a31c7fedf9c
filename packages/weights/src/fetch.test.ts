import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWeights, isWeightsUrl } from './fetch.js';
import { randomWeightsFile, TINY } from './test-weights.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const bytes = await randomWeightsFile(3);
  server = createServer((req, res) => {
    if (req.url === '/vdsr.safetensors') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : bytes);
    } else if (req.url === '/spa/vdsr.safetensors') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>app</title>');
    } else if (req.url === '/broken/vdsr.safetensors') {
      res.writeHead(500).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const at = (path: string) => new URL(path, base);

describe('fetchWeights', () => {
  it('fetches and decodes a weights file', async () => {
    const weights = await fetchWeights(at('/vdsr.safetensors'));
    expect(weights.dtype).toBe('F16');
    expect(weights.architecture).toEqual(TINY);
  });

  it('says that no trained weights are installed on a 404', async () => {
    const url = at('/missing/vdsr.safetensors');
    const error = await fetchWeights(url).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_WEIGHTS' });
    expect((error as Error).message).toContain('No trained VDSR weights are installed');
    expect((error as Error).message).toContain(url.href);
  });

  it('treats a dev server HTML fallback as missing', async () => {
    await expect(fetchWeights(at('/spa/vdsr.safetensors'))).rejects.toMatchObject({ code: 'E_WEIGHTS' });
  });

  it('throws E_IO on a server error or a failed request', async () => {
    await expect(fetchWeights(at('/broken/vdsr.safetensors'))).rejects.toMatchObject({ code: 'E_IO' });
    await expect(fetchWeights(new URL('http://127.0.0.1:1/vdsr.safetensors'))).rejects.toMatchObject({
      code: 'E_IO',
    });
  });
});

describe('isWeightsUrl', () => {
  it('is true only when the file is served', async () => {
    expect(await isWeightsUrl(at('/vdsr.safetensors'))).toBe(true);
    expect(await isWeightsUrl(at('/missing/vdsr.safetensors'))).toBe(false);
    expect(await isWeightsUrl(at('/spa/vdsr.safetensors'))).toBe(false);
  });
});
