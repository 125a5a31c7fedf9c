const core = require('@vdsr/core');
const { loadWeights } = require('@vdsr/weights');
require('@vdsr/backend-onnxruntime');
const { checkUpscale } = require('./upscale-check.cjs');

(async () => {
  console.log(JSON.stringify(await checkUpscale(core, await loadWeights())));
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
