// The one place the CLI registers backends: every command that runs the network, lists backends or
// measures them imports this module, so they all see the same registry.
import { type Availability, listBackends, resolveBackend } from '@vdsr/core';
// Both register themselves on import and load their engines only when a session needs them:
// 'onnxruntime' (native, onnxruntime-node) and 'onnxruntime-web' (wasm, also runs in Node).
import '@vdsr/backend-onnxruntime';
import '@vdsr/backend-onnxruntime/web';
// 'webgpu' (our WGSL kernels; Dawn in Node): on a software adapter it ranks below the wasm backends.
import '@vdsr/backend-webgpu';
import { errorMessage } from './error-message.js';

export interface BackendStatus extends Availability {
  readonly name: string;
  readonly priority: number;
}

/** What --backend accepts: 'auto', then every registered backend, best first. */
export function backendChoices(): string[] {
  return ['auto', ...listBackends().map((b) => b.name)];
}

/**
 * Every registered backend in registered order, with whether it can run here and if not, why, and
 * the priority 'auto' ranks it at here (a GPU backend on a software adapter reports a lower one).
 */
export async function backendStatuses(): Promise<BackendStatus[]> {
  return Promise.all(
    listBackends().map(async ({ name, priority }) => {
      try {
        const here = (await (await resolveBackend(name)).isAvailable()).priority;
        return { name, priority: typeof here === 'number' ? here : priority, available: true };
      } catch (error) {
        return { name, priority, available: false, reason: errorMessage(error) };
      }
    }),
  );
}
