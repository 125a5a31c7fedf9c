// Bundled by run.mjs for headless Chromium: the three WebGPU implementations on the browser's
// adapter (SwiftShader there). The page's caller reads window.benchResult.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgpu';
import { onnxruntimeWebGpuBackend } from '@vdsr/backend-onnxruntime/web';
import { createTfjsBackend } from '@vdsr/backend-tfjs';
import { describeAdapter, webgpuBackend } from '../dist/web.js';
import { BROWSER_PLAN, measureAll } from './measure.mjs';

async function bench() {
  const adapter = await navigator.gpu.requestAdapter();
  const f16 = adapter.features.has('shader-f16');
  const candidates = [
    { label: 'vdsr webgpu (ours)', backend: webgpuBackend, options: { precision: 'f32' } },
    ...(f16 ? [{ label: 'vdsr webgpu (ours)', backend: webgpuBackend, options: { precision: 'f16' } }] : []),
    {
      label: 'tfjs-backend-webgpu',
      backend: createTfjsBackend({ name: 'tfjs-webgpu', tf, tfjsBackend: 'webgpu' }),
    },
    {
      label: 'onnxruntime-web webgpu EP (1 wasm thread)',
      backend: onnxruntimeWebGpuBackend,
      // The page is not cross-origin isolated: onnxruntime-web's wasm part runs on one thread.
      options: { threads: 1, wasmPaths: `${location.origin}/ort/` },
    },
  ];
  const rows = await measureAll(candidates, BROWSER_PLAN, (line) => console.log(line));
  return { adapter: describeAdapter(adapter), shaderF16: f16, rows };
}

window.benchResult = bench().catch((error) => ({ error: String(error?.stack ?? error) }));
