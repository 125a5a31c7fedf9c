import { createUpscaler } from '@vdsr/core';
import { loadWeights } from '@vdsr/weights';
import '@vdsr/backend-onnxruntime';
import { checkUpscale } from './upscale-check.cjs';

console.log(JSON.stringify(await checkUpscale({ createUpscaler }, await loadWeights())));
