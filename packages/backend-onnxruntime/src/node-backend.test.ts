import { runConformanceSuite } from '@vdsr/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onnxruntimeBackend } from './node-backend.js';
import { describeOrtBackend } from './ort-backend.cases.js';

runConformanceSuite({
  name: 'onnxruntime (onnxruntime-node, CPU)',
  createBackend: () => onnxruntimeBackend,
  test: { describe, it, expect, beforeAll, afterAll },
});

describeOrtBackend(onnxruntimeBackend, 2);
