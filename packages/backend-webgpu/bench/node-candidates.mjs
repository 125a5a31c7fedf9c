// The bench's Node candidates. tfjs-backend-webgpu finds WebGPU as navigator.gpu (Node 20 has no
// navigator), so Dawn's GPU and its globals (GPUBufferUsage...) are installed before it is imported.
import { availableParallelism } from 'node:os';
import { create, globals } from 'webgpu';

/** onnxruntime-node on every core: the CPU rate the software adapters are compared with. */
export async function cpuCandidate() {
  const { onnxruntimeBackend } = await import('@vdsr/backend-onnxruntime');
  return { label: `onnxruntime-node (${availableParallelism()} threads)`, backend: onnxruntimeBackend };
}

export async function nodeCandidates() {
  const gpu = create([]);
  Object.assign(globalThis, globals);
  Object.defineProperty(globalThis, 'navigator', {
    value: { ...globalThis.navigator, gpu },
    configurable: true,
  });
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-webgpu');
  const { createTfjsBackend } = await import('@vdsr/backend-tfjs');
  const { describeAdapter, webgpuBackend } = await import('../dist/node.js');
  return {
    adapter: describeAdapter(await gpu.requestAdapter()),
    gpuCandidates: [
      { label: 'vdsr webgpu (ours)', backend: webgpuBackend, options: { gpu, precision: 'f32' } },
      { label: 'vdsr webgpu (ours)', backend: webgpuBackend, options: { gpu, precision: 'f16' } },
      {
        label: 'tfjs-backend-webgpu',
        backend: createTfjsBackend({ name: 'tfjs-webgpu', tf, tfjsBackend: 'webgpu' }),
      },
    ],
    cpuCandidate: await cpuCandidate(),
  };
}
