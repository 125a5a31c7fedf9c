// Shared by esm.mjs and cjs.cjs, each passing the core and weights as its module system loaded them:
// 'auto' must pick onnxruntime (registered by the backend's entry), and match the reference backend.
const assert = require('node:assert/strict');

/** A small RGB test pattern: edges and gradients, every value used. */
function pattern(width, height) {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37 + ((i / 3 / width) | 0) * 11) % 256;
  return { width, height, channels: 3, data };
}

async function checkUpscale({ createUpscaler }, weights) {
  const image = pattern(16, 12);
  const auto = await createUpscaler({ weights });
  const reference = await createUpscaler({ weights, backend: 'reference' });
  try {
    assert.equal(auto.backend, 'onnxruntime');
    const fast = await auto.upscale(image, { scale: 2 });
    const exact = await reference.upscale(image, { scale: 2 });
    assert.deepEqual([fast.width, fast.height, fast.channels], [32, 24, 3]);
    let maxDiff = 0;
    for (let i = 0; i < fast.data.length; i++)
      maxDiff = Math.max(maxDiff, Math.abs(fast.data[i] - exact.data[i]));
    // float32 on two engines, rounded to 8 bits: at most one step apart.
    assert.ok(maxDiff <= 1, `onnxruntime differs from the reference backend by ${maxDiff}`);
    return { backend: auto.backend, maxDiff };
  } finally {
    await auto.dispose();
    await reference.dispose();
  }
}

module.exports = { checkUpscale };
