import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { runConformanceSuite } from '@vdsr/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTfjsBackend } from './backend.js';
import { runTfjsMemorySuite } from './testing/memory.js';

// tfjs's "install tfjs-node to speed things up" banner is not what these tests are about.
tf.env().set('PROD', true);

const backend = createTfjsBackend({ name: 'tfjs-cpu', tf, tfjsBackend: 'cpu' });

runConformanceSuite({
  name: 'tfjs cpu backend (Node)',
  createBackend: () => backend,
  test: { describe, it, expect, beforeAll, afterAll },
});

runTfjsMemorySuite({ tf, createBackend: () => backend, test: { describe, it, expect } });
