// This project installs onnxruntime-node only: the web entry, loaded as ESM and as CJS, must say
// which package to install rather than fail obscurely.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createSession } from '@vdsr/core';
import { loadWeights } from '@vdsr/weights';

const install = 'npm install onnxruntime-web';
const esm = await import('@vdsr/backend-onnxruntime/web');
const cjs = createRequire(import.meta.url)('@vdsr/backend-onnxruntime/web');
for (const { onnxruntimeWebBackend: backend } of [esm, cjs]) {
  const { available, reason } = await backend.isAvailable();
  assert.equal(available, false);
  assert.ok(reason.includes(install), reason);
}
const error = await createSession(await loadWeights(), { backend: 'onnxruntime-web' }).catch((e) => e);
assert.equal(error.code, 'E_BACKEND');
assert.ok(error.message.includes(install), error.message);
console.log(error.message);
