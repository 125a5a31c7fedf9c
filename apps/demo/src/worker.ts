// The upscaling worker: owns the weights and one upscaler per backend, so the page never freezes.
import './backends.js';
import {
  type BackendSession,
  createSession,
  isVdsrError,
  listBackends,
  psnr,
  type ResizeTarget,
  resizeImage,
  resolveBackend,
  targetSize,
  upscale as upscaleImage,
  type VdsrArchitecture,
  type VdsrImage,
} from '@vdsr/core';
import { loadWeights } from '@vdsr/weights';
import type { BackendInfo, Pixels, Reply, Request } from './protocol.js';
import { maxOutputPixels, TILE_SIZE, threadsHere } from './settings.js';

const scope = self as unknown as {
  postMessage(message: Reply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
};
const weights = loadWeights();
const engines = new Map<string, Promise<Engine>>();
const running = new Map<number, AbortController>();

function reply(message: Reply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function failure(error: unknown): { code: string; message: string } {
  return isVdsrError(error)
    ? { code: error.code, message: error.message }
    : { code: 'E_INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

async function describe(name: string, priority: number): Promise<BackendInfo> {
  try {
    const availability = await (await resolveBackend(name)).isAvailable();
    return { name, available: true, priority: availability.priority ?? priority };
  } catch (error) {
    return { name, available: false, reason: failure(error).message, priority };
  }
}

async function list(): Promise<void> {
  const backends = await Promise.all(listBackends().map((b) => describe(b.name, b.priority)));
  let auto: string | undefined;
  let autoReason: string | undefined;
  try {
    auto = (await resolveBackend('auto')).name;
  } catch (error) {
    autoReason = failure(error).message;
  }
  reply({ type: 'backends', auto, autoReason, backends, threads: threadsHere() });
}

interface Engine {
  session: BackendSession;
  architecture: VdsrArchitecture;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The session, made to let the worker read its messages before each tile: a wasm run can end
 * without returning to the event loop, and a cancel must be read to stop within one tile.
 */
function yielding(session: BackendSession): BackendSession {
  const { backend, precision, limits, memoryBudget } = session;
  return {
    backend,
    precision,
    limits,
    memoryBudget,
    run: async (y, width, height, signal) => {
      await nextTask();
      return session.run(y, width, height, signal);
    },
    dispose: () => session.dispose(),
  };
}

/** One session per backend, 'auto' sharing the one it resolves to. */
async function engineFor(picked: string): Promise<Engine> {
  const backend = picked === 'auto' ? (await resolveBackend('auto')).name : picked;
  let engine = engines.get(backend);
  if (!engine) {
    engine = weights.then(async (w) => ({
      session: yielding(await createSession(w, { backend, threads: threadsHere() })),
      architecture: w.architecture,
    }));
    // A failed start is not kept, so picking the backend again retries it.
    engine.catch(() => engines.delete(backend));
    engines.set(backend, engine);
  }
  return engine;
}

async function prepare(backend: string): Promise<void> {
  const started = performance.now();
  try {
    const { session } = await engineFor(backend);
    reply({
      type: 'ready',
      backend,
      resolved: session.backend,
      precision: session.precision ?? 'f32',
      threads: threadsHere(),
      ms: performance.now() - started,
    });
  } catch (error) {
    reply({ type: 'error', backend, ...failure(error) });
  }
}

function pixels(image: VdsrImage): Pixels {
  const { width, height, channels, data } = image;
  return { width, height, channels, data: data as Uint8Array };
}

async function upscale(request: Extract<Request, { type: 'upscale' }>): Promise<void> {
  const { id, backend, image, measure } = request;
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const { session, architecture } = await engineFor(backend);
    let input = image;
    let target: ResizeTarget = request.target;
    if (measure) {
      const { scaleX } = targetSize(image.width, image.height, request.target);
      input = pixels(resizeImage(image, { scale: 1 / scaleX }));
      target = { width: image.width, height: image.height };
    }
    const started = performance.now();
    const output = await upscaleImage(input, target, {
      session,
      architecture,
      tileSize: TILE_SIZE,
      maxOutputPixels: maxOutputPixels(),
      signal: controller.signal,
      onProgress: ({ tile, tiles, fraction }) => reply({ type: 'progress', id, tile, tiles, fraction }),
    });
    const ms = performance.now() - started;
    const bicubic = resizeImage(input, { width: output.width, height: output.height });
    const shave = Math.ceil(output.width / input.width);
    const measured = measure
      ? { bicubic: psnr(image, bicubic, { shave }), vdsr: psnr(image, output, { shave }) }
      : undefined;
    const parts = { input, output: pixels(output), bicubic: pixels(bicubic) };
    reply({ type: 'done', id, backend: session.backend, ms, psnr: measured, ...parts }, [
      ...new Set(Object.values(parts).map((p) => p.data.buffer as ArrayBuffer)),
    ]);
  } catch (error) {
    reply({ type: 'error', id, backend, ...failure(error) });
  } finally {
    running.delete(id);
  }
}

scope.onmessage = ({ data }) => {
  if (data.type === 'list') void list();
  else if (data.type === 'prepare') void prepare(data.backend);
  else if (data.type === 'upscale') void upscale(data);
  else running.get(data.id)?.abort();
};
