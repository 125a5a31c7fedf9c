/** What WebGPU offers here: no adapter, or a hardware or software (CPU-emulated) one. */
export type WebGpuProbe =
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'hardware' | 'software'; readonly name: string };

// The parts of GPUAdapter read here (TypeScript's DOM library has no WebGPU types).
interface AdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: {
    readonly vendor?: string;
    readonly architecture?: string;
    readonly device?: string;
    readonly description?: string;
    readonly isFallbackAdapter?: boolean;
  };
}

interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

// Chromium's SwiftShader and Mesa's lavapipe/llvmpipe do not always call themselves fallback adapters.
const SOFTWARE = /swiftshader|lavapipe|llvmpipe|softpipe|software|basic render/i;

/** Asks for the default WebGPU adapter and says whether it is hardware or a software emulation. */
export async function probeWebGpu(): Promise<WebGpuProbe> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return { kind: 'none', reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (error) {
    return { kind: 'none', reason: `WebGPU could not give an adapter: ${String(error)}` };
  }
  if (!adapter) return { kind: 'none', reason: 'WebGPU found no adapter' };
  const info = adapter.info ?? {};
  const name =
    [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') ||
    'unnamed adapter';
  const software =
    adapter.isFallbackAdapter === true || info.isFallbackAdapter === true || SOFTWARE.test(name);
  return { kind: software ? 'software' : 'hardware', name };
}
