import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { runConformanceSuite } from '@vdsr/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTfjsBackend } from './backend.js';
import { runTfjsMemorySuite } from './testing/memory.js';

// In Node the wasm backend finds its .wasm files in its own package's dist.
const backend = createTfjsBackend({ name: 'tfjs-wasm', tf, tfjsBackend: 'wasm' });

runConformanceSuite({
  name: 'tfjs wasm backend (Node)',
  createBackend: () => backend,
  test: { describe, it, expect, beforeAll, afterAll },
});

runTfjsMemorySuite({ tf, createBackend: () => backend, test: { describe, it, expect } });
