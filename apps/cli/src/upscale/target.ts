import {
  DEFAULT_MAX_OUTPUT_PIXELS,
  DEFAULT_MAX_SCALE,
  type ResizeTarget,
  type TargetSize,
  VdsrError,
} from '@vdsr/core';
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

type Side = 'width' | 'height';
type Sides = { scale?: number; width?: number; height?: number };

/** The flags a target came from, as typed: '--scale 2', '--width 640 --height 480'. */
function flags(target: Sides): string {
  return (['scale', 'width', 'height'] as const)
    .filter((name) => target[name] !== undefined)
    .map((name) => `--${name} ${target[name]}`)
    .join(' ');
}

/** The flag that sets `axis`'s scale: --scale, its own side, or the one side given (the other follows). */
function flagFor(target: Sides, axis: Side): keyof Sides {
  if (target.scale !== undefined) return 'scale';
  if (target[axis] !== undefined) return axis;
  return axis === 'width' ? 'height' : 'width';
}

/**
 * The core's limits on an upscale (at most DEFAULT_MAX_SCALE along either axis, DEFAULT_MAX_OUTPUT_PIXELS
 * in all), checked per file once its size is known: the core's own errors name options (maxScale,
 * maxOutputPixels) that the CLI does not have, so these say which flag to change. E_LIMIT.
 */
export function checkTargetLimits(
  target: ResizeTarget,
  width: number,
  height: number,
  size: TargetSize,
): void {
  const sides = target as Sides;
  const image = `${width} x ${height}`;
  for (const [axis, scale] of [
    ['width', size.scaleX],
    ['height', size.scaleY],
  ] as const) {
    if (scale <= DEFAULT_MAX_SCALE) continue;
    const flag = flagFor(sides, axis);
    const most =
      flag === 'scale'
        ? DEFAULT_MAX_SCALE
        : Math.floor(DEFAULT_MAX_SCALE * (flag === 'width' ? width : height));
    const scaled = size.scaleX === size.scaleY ? `the ${image} image` : `the ${image} image's ${axis}`;
    throw new VdsrError(
      'E_LIMIT',
      `${flags(sides)} scales ${scaled} by ${Number(scale.toFixed(2))}, more than vdsr's limit of ${DEFAULT_MAX_SCALE}: ask for --${flag} ${most} or less`,
    );
  }
  const pixels = size.width * size.height;
  if (pixels > DEFAULT_MAX_OUTPUT_PIXELS) {
    throw new VdsrError(
      'E_LIMIT',
      `${flags(sides)} makes the ${image} image ${size.width} x ${size.height} = ${pixels} pixels, more than vdsr's limit of ${DEFAULT_MAX_OUTPUT_PIXELS}: ask for a smaller output`,
    );
  }
}
