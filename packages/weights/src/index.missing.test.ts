import { describe, expect, it, vi } from 'vitest';
import { hasWeights, loadWeights, weightsPath } from './index.js';

// The Node entry with its file gone (a stripped install, or a checkout before training): the same
// module, with url.js pointing where nothing is.
vi.mock('./url.js', () => ({
  weightsUrl: new URL('../weights/absent/vdsr.safetensors', import.meta.url),
}));

describe('@vdsr/weights (Node) without the weights file', () => {
  it('says so: hasWeights is false and loadWeights throws E_WEIGHTS saying how to get weights', async () => {
    expect(weightsPath.endsWith('absent/vdsr.safetensors')).toBe(true);
    expect(await hasWeights()).toBe(false);
    const error = await loadWeights().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VdsrError', code: 'E_WEIGHTS' });
    expect((error as Error).message).toContain(weightsPath);
    expect((error as Error).message).toContain('training/README.md');
  });
});
