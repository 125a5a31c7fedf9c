// One core however it is loaded: a backend registered through require (the CJS build of the core)
// is what an ESM import of the core picks with 'auto', and errors are recognised across both builds.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('@vdsr/backend-onnxruntime');
const cjsCore = require('@vdsr/core');
const esmCore = await import('@vdsr/core');
const { loadWeights } = await import('@vdsr/weights');

assert.notEqual(cjsCore.createUpscaler, esmCore.createUpscaler, 'expected two builds of the core');
assert.deepEqual(esmCore.listBackends(), [
  { name: 'onnxruntime', priority: 20 },
  { name: 'reference', priority: 0 },
]);
const upscaler = await esmCore.createUpscaler({ weights: await loadWeights() });
assert.equal(upscaler.backend, 'onnxruntime');
await upscaler.dispose();

const fromCjs = await cjsCore.resolveBackend('absent').catch((error) => error);
assert.ok(esmCore.isVdsrError(fromCjs) && fromCjs instanceof esmCore.VdsrError);
assert.equal(fromCjs.code, 'E_BACKEND');
const fromEsm = esmCore.argError('scale', 'a number', 'x');
assert.ok(cjsCore.isVdsrError(fromEsm) && fromEsm instanceof cjsCore.VdsrError);
assert.ok(!esmCore.isVdsrError(new Error('plain')));
console.log('ok');
