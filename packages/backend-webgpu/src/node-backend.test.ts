import { runConformanceSuite } from '@vdsr/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webgpuBackend } from './node.js';

runConformanceSuite({
  name: 'webgpu (Dawn in Node)',
  createBackend: () => webgpuBackend,
  test: { describe, it, expect, beforeAll, afterAll },
});
