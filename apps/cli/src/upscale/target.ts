import { DEFAULT_MAX_SCALE, type ResizeTarget } from '@vdsr/core';
import { type OptionValues, UsageError } from '../command.js';
import { intOption, positiveOption } from '../option-values.js';

/** --scale S, or --width W and/or --height H (one side keeps the aspect ratio). */
export function parseTarget(values: OptionValues): ResizeTarget {
  const scale = positiveOption(values, 'scale');
  const width = intOption(values, 'width');
  const height = intOption(values, 'height');
  if (scale !== undefined) {
    if (width !== undefined || height !== undefined) {
      throw new UsageError('Expected either --scale or --width/--height but received both');
    }
    if (scale <= 1 || scale > DEFAULT_MAX_SCALE) {
      throw new UsageError(
        `Expected a --scale above 1 (vdsr only upscales) and at most ${DEFAULT_MAX_SCALE} but received ${scale}`,
      );
    }
    return { scale };
  }
  if (width !== undefined) return height === undefined ? { width } : { width, height };
  if (height !== undefined) return { height };
  throw new UsageError('Expected the output size: --scale S, --width W or --height H');
}

/** The suffix of default output names: '@2x' for a scale, '@1024x768' for a size. */
export function targetLabel(target: ResizeTarget, width: number, height: number): string {
  return 'scale' in target ? `@${target.scale}x` : `@${width}x${height}`;
}
