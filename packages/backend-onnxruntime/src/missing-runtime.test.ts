import { createRandomWeights } from '@vdsr/core';
import { describe, expect, it, vi } from 'vitest';
import { isMissingPackage } from './missing-runtime.js';
import { onnxruntimeBackend } from './node-backend.js';
import { notInstalled } from './not-installed.fixture.js';
import { onnxruntimeWebBackend } from './web-backend.js';

// Both runtimes as an application that installed neither sees them: importing one fails as Node fails.
vi.mock('onnxruntime-node', async () => {
  const { notInstalled } = await import('./not-installed.fixture.js');
  throw notInstalled('onnxruntime-node');
});
vi.mock('onnxruntime-web', async () => {
  const { notInstalled } = await import('./not-installed.fixture.js');
  throw notInstalled('onnxruntime-web');
});

describe.each([
  { backend: onnxruntimeBackend, runtime: 'onnxruntime-node' },
  { backend: onnxruntimeWebBackend, runtime: 'onnxruntime-web' },
])('$backend.name without $runtime', ({ backend, runtime }) => {
  const install = `npm install ${runtime}`;

  it(`reports itself unavailable, naming ${runtime} to install`, async () => {
    const availability = await backend.isAvailable();
    expect(availability.available).toBe(false);
    expect(availability.reason).toContain(install);
  });

  it('rejects createSession with E_BACKEND saying what to install', async () => {
    const error = await backend.createSession(createRandomWeights(1)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'VdsrError', code: 'E_BACKEND' });
    expect((error as Error).message).toBe(
      `${backend.name}: ${runtime} is not installed; install it beside @vdsr/backend-onnxruntime: ${install}`,
    );
  });
});

describe('isMissingPackage', () => {
  it("is Node's not-found for the package itself, through causes, and nothing else", () => {
    const missing = notInstalled('onnxruntime-node');
    expect(isMissingPackage(missing, 'onnxruntime-node')).toBe(true);
    expect(isMissingPackage(new Error('wrapped', { cause: missing }), 'onnxruntime-node')).toBe(true);
    // The runtime is there but one of its own dependencies is not: reinstalling the runtime is not the fix.
    expect(isMissingPackage(notInstalled('onnxruntime-common'), 'onnxruntime-node')).toBe(false);
    expect(isMissingPackage(new Error("Cannot find package 'onnxruntime-node'"), 'onnxruntime-node')).toBe(
      false,
    );
    expect(isMissingPackage('onnxruntime-node', 'onnxruntime-node')).toBe(false);
  });
});
