import type { Upscaler } from '@vdsr/core';

/**
 * Disposes of the upscaler, but after an interrupt does not wait for it: the process then ends with
 * the signal, and disposing waits for the tile still running in native code on the session's worker
 * thread (an onnxruntime-node tile takes seconds).
 */
export async function disposeUpscaler(upscaler: Upscaler | undefined, signal: AbortSignal | undefined) {
  const disposing = upscaler?.dispose();
  if (signal?.aborted) disposing?.catch(() => undefined);
  else await disposing;
}
