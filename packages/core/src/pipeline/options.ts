import type { BackendSession } from '../backend.js';
import { assertPositiveInt } from '../checks.js';
import { argError, VdsrError } from '../errors.js';
import type { VdsrArchitecture } from '../graph/architecture.js';
import type { VdsrImage } from '../image.js';
import { type ResizeTarget, type TargetSize, targetSize } from '../resize/target.js';
import type { TiledOptions } from '../tiling/run.js';

export interface UpscaleOptions extends Omit<TiledOptions, 'halo' | 'channels'> {
  /** The largest scale accepted along either axis (default 8); beyond it: E_LIMIT. */
  maxScale?: number;
  /** The largest output accepted, in pixels (default 2^28); beyond it: E_LIMIT. */
  maxOutputPixels?: number;
}

export interface SessionUpscaleOptions extends UpscaleOptions {
  session: BackendSession;
  /** The architecture of the session's weights: it fixes the tiles' halo. Default: VDSR_PAPER. */
  architecture?: VdsrArchitecture;
}

export const DEFAULT_MAX_SCALE = 8;
export const DEFAULT_MAX_OUTPUT_PIXELS = 2 ** 28;

function checkLimits(options: UpscaleOptions): { maxScale: number; maxOutputPixels: number } {
  const { maxScale = DEFAULT_MAX_SCALE, maxOutputPixels = DEFAULT_MAX_OUTPUT_PIXELS } = options;
  if (typeof maxScale !== 'number' || !Number.isFinite(maxScale) || maxScale <= 1) {
    throw argError('maxScale', 'a finite number > 1', maxScale);
  }
  assertPositiveInt(maxOutputPixels, 'maxOutputPixels');
  return { maxScale, maxOutputPixels };
}

/**
 * The output size for an upscale: any scale > 1 on both axes, fractional too, up to maxScale; the
 * output at most maxOutputPixels. Checked before anything is allocated.
 */
export function upscaleSize(image: VdsrImage, target: ResizeTarget, options: UpscaleOptions): TargetSize {
  const { maxScale, maxOutputPixels } = checkLimits(options);
  const scale = (target as { scale?: unknown } | null)?.scale;
  if (scale !== undefined && (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 1)) {
    throw argError('target.scale', 'a finite number > 1 (vdsr only upscales)', scale);
  }
  const size = targetSize(image.width, image.height, target);
  const input = `${image.width} x ${image.height}`;
  for (const [axis, s] of [
    ['width', size.scaleX],
    ['height', size.scaleY],
  ] as const) {
    if (!(s > 1)) {
      throw new VdsrError(
        'E_ARG',
        `Expected a target larger than the ${input} input along both axes but received ${size.width} x ${size.height} (${axis} scale ${s})`,
      );
    }
    if (s > maxScale) {
      throw new VdsrError(
        'E_LIMIT',
        `Expected a scale of at most ${maxScale} but ${input} -> ${size.width} x ${size.height} scales the ${axis} by ${s}; raise the maxScale option to allow it`,
      );
    }
  }
  const pixels = size.width * size.height;
  if (pixels > maxOutputPixels) {
    throw new VdsrError(
      'E_LIMIT',
      `Expected an output of at most ${maxOutputPixels} pixels but ${input} -> ${size.width} x ${size.height} is ${pixels}; raise the maxOutputPixels option to allow it`,
    );
  }
  return size;
}
