/// <reference types="@webgpu/types" />

const SOFTWARE = /swiftshader|lavapipe|llvmpipe|softpipe|warp|software|basic render/i;

/**
 * True for a CPU-emulated adapter (Chromium's SwiftShader, Mesa's lavapipe, Microsoft's WARP):
 * usable, but slower than the wasm backends.
 */
export function isSoftwareAdapter(adapter: GPUAdapter): boolean {
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  if (info?.isFallbackAdapter || (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter) return true;
  return SOFTWARE.test([info?.vendor, info?.architecture, info?.device, info?.description].join(' '));
}

/** "vendor architecture (description)", for messages and bench tables. */
export function describeAdapter(adapter: GPUAdapter): string {
  const { vendor = '', architecture = '', device = '', description = '' } = adapter.info ?? {};
  const name = [vendor, architecture, device].filter(Boolean).join(' ');
  return description && description !== name ? `${name} (${description})` : name || 'unknown adapter';
}
