// The public types as a TypeScript user sees them, under each moduleResolution this project checks.
import { buildVdsrOnnxModel, onnxruntimeBackend } from '@vdsr/backend-onnxruntime';
import { onnxruntimeWebBackend } from '@vdsr/backend-onnxruntime/web';
import {
  type Backend,
  createUpscaler,
  isVdsrError,
  type SessionOptions,
  type Upscaler,
  type VdsrErrorDetails,
} from '@vdsr/core';
import type { BackendSession, registerBackend } from '@vdsr/core/backend';
import { PRECISION_TOLERANCE, type runConformanceSuite } from '@vdsr/core/testing';
import type { upscale, upscaleBuffer } from '@vdsr/sharp';
import { type VdsrPlugin, type VdsrPluginOptions, type VdsrSrcset, vdsr } from '@vdsr/vite-plugin';
import { loadWeights } from '@vdsr/weights';

const backends: Backend[] = [onnxruntimeBackend, onnxruntimeWebBackend];
const options: SessionOptions = { threads: 2 };
const tolerance: number = PRECISION_TOLERANCE.f16;
const details = (error: unknown): VdsrErrorDetails | undefined =>
  isVdsrError(error) ? error.details : undefined;
const limits = (session: BackendSession) => session.limits?.maxTileSide;
const model: Uint8Array = buildVdsrOnnxModel(await loadWeights());
const upscaler: Upscaler = await createUpscaler({ weights: await loadWeights(), ...options });
const pluginOptions: VdsrPluginOptions = { session: options, defaults: { srcset: [1, 2] } };
const plugin: VdsrPlugin = vdsr(pluginOptions);
const srcset = (image: VdsrSrcset): string => image.srcset;
export type Checked = [
  typeof registerBackend,
  typeof runConformanceSuite,
  typeof upscale,
  typeof upscaleBuffer,
];
export { backends, details, limits, model, plugin, srcset, tolerance, upscaler };
