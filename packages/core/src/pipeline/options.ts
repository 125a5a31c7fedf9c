import type { BackendSession } from '../backend.js';
import { assertPositiveInt } from '../checks.js';
import type { Ensemble } from '../ensemble/options.js';
import { argError, VdsrError } from '../errors.js';
import type { VdsrArchitecture } from '../graph/architecture.js';
import {
  checkResizePixels,
  type ResizeTarget,
  type TargetSize,
  uncheckedTargetSize,
} from '../resize/target.js';
import type { TiledOptions } from '../tiling/run.js';

export interface UpscaleOptions extends Omit<TiledOptions, 'halo' | 'channels'> {
  /** The largest scale accepted along either axis (default 8); beyond it: E_LIMIT. */
  maxScale?: number;
  /** The largest output accepted, in pixels (default 2^28); beyond it: E_LIMIT. */
  maxOutputPixels?: number;
  /**
   * Average the network's output over flips and rotations of its input (geometric self-ensemble):
   * true or 8 for all 8, or 2 or 4 of them; each costs one network pass per tile. Default: off.
   */
  ensemble?: Ensemble;
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

type Axis = 'width' | 'height';
type LooseTarget = { scale?: unknown; width?: unknown; height?: unknown };

/** The target field that sets `axis`'s scale: scale, that side, or the one side given (the other follows). */
function fieldFor(target: LooseTarget, axis: Axis): 'scale' | Axis {
  if (target.scale !== undefined) return 'scale';
  if (target[axis] !== undefined) return axis;
  return axis === 'width' ? 'height' : 'width';
}

/**
 * The output size for an upscale of an image of `input`'s size: any scale > 1 on both axes,
 * fractional too, up to maxScale; the output at most maxOutputPixels. Needs only the size, so a
 * decoder can check an image's header before decoding it. The errors' `details` name the target
 * field at fault (`target.scale`, `target.width`, `target.height`, or `target` for the output size),
 * the limit (`maxScale`, `maxOutputPixels`, `MAX_RESIZE_PIXELS`) and the bound on that field's value.
 */
export function upscaleSize(
  input: { readonly width: number; readonly height: number },
  target: ResizeTarget,
  options: Pick<UpscaleOptions, 'maxScale' | 'maxOutputPixels'> = {},
): TargetSize {
  const { maxScale, maxOutputPixels } = checkLimits(options);
  const scale = (target as LooseTarget | null)?.scale;
  if (scale !== undefined && (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 1)) {
    throw argError('target.scale', 'a finite number > 1 (vdsr only upscales)', scale);
  }
  const size = uncheckedTargetSize(input.width, input.height, target);
  const inputText = `${input.width} x ${input.height}`;
  for (const [axis, s] of [
    ['width', size.scaleX],
    ['height', size.scaleY],
  ] as const) {
    const field = fieldFor(target as LooseTarget, axis);
    const option = `target.${field}`;
    const value = (target as LooseTarget)[field];
    const side = field === 'scale' ? undefined : input[field];
    if (!(s > 1)) {
      throw new VdsrError(
        'E_ARG',
        `Expected a target larger than the ${inputText} input along both axes but received ${size.width} x ${size.height} (${axis} scale ${s})`,
        { details: { option, value, min: side === undefined ? undefined : side + 1 } },
      );
    }
    if (s > maxScale) {
      throw new VdsrError(
        'E_LIMIT',
        `Expected a scale of at most ${maxScale} (maxScale) but ${inputText} -> ${size.width} x ${size.height} scales the ${axis} by ${s}; raise the maxScale option to allow it`,
        {
          details: {
            option,
            limit: 'maxScale',
            value,
            max: side === undefined ? maxScale : Math.floor(maxScale * side),
          },
        },
      );
    }
  }
  const pixels = size.width * size.height;
  if (pixels > maxOutputPixels) {
    throw new VdsrError(
      'E_LIMIT',
      `Expected an output of at most ${maxOutputPixels} pixels (maxOutputPixels) but ${inputText} -> ${size.width} x ${size.height} is ${pixels}; raise the maxOutputPixels option to allow it`,
      { details: { option: 'target', limit: 'maxOutputPixels', value: pixels, max: maxOutputPixels } },
    );
  }
  checkResizePixels(input.width, input.height, size);
  return size;
}
