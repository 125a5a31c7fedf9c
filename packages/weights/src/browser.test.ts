import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasWeights, loadWeights, weightsPath, weightsUrl } from './browser.js';
import { randomWeightsFile } from './test-weights.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

function serve(response: () => Response) {
  const requests: { url: string; method: string }[] = [];
  vi.stubGlobal('fetch', async (url: URL, init?: RequestInit) => {
    requests.push({ url: url.href, method: init?.method ?? 'GET' });
    return response();
  });
  return requests;
}

describe('@vdsr/weights (browser)', () => {
  it('resolves the file next to the bundle and exposes the URL as its path', () => {
    expect(weightsUrl.pathname.endsWith('/weights/vdsr.safetensors')).toBe(true);
    expect(weightsPath).toBe(weightsUrl.href);
  });

  it('fetches and decodes the weights from weightsUrl', async () => {
    const bytes = await randomWeightsFile(5);
    const requests = serve(() => new Response(new Uint8Array(bytes)));
    expect((await loadWeights()).dtype).toBe('F16');
    expect(await hasWeights()).toBe(true);
    expect(requests).toEqual([
      { url: weightsUrl.href, method: 'GET' },
      { url: weightsUrl.href, method: 'HEAD' },
    ]);
  });

  it('throws E_WEIGHTS saying how to get weights when the server has none', async () => {
    serve(() => new Response('not found', { status: 404 }));
    const error = await loadWeights().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_WEIGHTS' });
    expect((error as Error).message).toContain('training/README.md');
    expect(await hasWeights()).toBe(false);
  });
});
