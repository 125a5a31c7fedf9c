import { runTfjsMemorySuite } from '@vdsr/backend-tfjs/testing';
import { createRandomWeights, createSession, VDSR_PAPER } from '@vdsr/core';
import { runConformanceSuite } from '@vdsr/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTfjsNode, tfjsNodeBackend } from './node-backend.js';

const availability = await tfjsNodeBackend.isAvailable();
const skipped = availability.available ? undefined : availability.reason;
const THIN = createRandomWeights(1, { ...VDSR_PAPER, channels: 4, depth: 3 });

describe('loadTfjsNode', () => {
  it("returns the package's CommonJS namespace, or an error naming the package and how to install it", async () => {
    const tf = { getBackend: () => 'tensorflow' };
    expect(await loadTfjsNode(async () => ({ default: tf }))).toBe(tf);
    const binding = new Error(
      'The specified module could not be found.\n/x/tfjs_binding.node\nat Module._extensions..node',
    );
    const load = loadTfjsNode(async () => {
      throw binding;
    });
    await expect(load).rejects.toThrow(
      '@tensorflow/tfjs-node is not installed or its native binding did not load (The specified module could ' +
        'not be found.); install it next to @vdsr/backend-tfjs-node with `npm install @tensorflow/tfjs-node` ' +
        '(its install script downloads libtensorflow)',
    );
    await expect(load).rejects.toMatchObject({ cause: binding });
  });
});

describe.skipIf(!skipped)('tfjs-node where @tensorflow/tfjs-node does not load', () => {
  it('reports itself unavailable naming the package, and sessions fail with E_BACKEND saying why', async () => {
    expect(availability.available).toBe(false);
    expect(skipped).toMatch(
      /^tfjs-node could not be loaded: @tensorflow\/tfjs-node is not installed or its native binding did not load/,
    );
    await expect(tfjsNodeBackend.createSession(THIN)).rejects.toMatchObject({
      code: 'E_BACKEND',
      message: skipped,
    });
    await import('./index.js');
    await expect(createSession(THIN, { backend: 'tfjs-node' })).rejects.toThrow(
      `Backend 'tfjs-node' is not available: ${skipped}`,
    );
    // 'auto' passes over it to the next backend.
    const session = await createSession(THIN);
    expect(session.backend).not.toBe('tfjs-node');
    await session.dispose();
  });
});

describe.skipIf(skipped)(
  `tfjs-node on libtensorflow${skipped ? ` (skipped here: ${skipped})` : ''}`,
  async () => {
    const tf = skipped ? undefined : await loadTfjsNode();
    runConformanceSuite({
      name: 'tfjs-node',
      createBackend: () => tfjsNodeBackend,
      test: { describe, it, expect, beforeAll, afterAll },
    });
    if (tf) runTfjsMemorySuite({ tf, createBackend: () => tfjsNodeBackend, test: { describe, it, expect } });
  },
);
