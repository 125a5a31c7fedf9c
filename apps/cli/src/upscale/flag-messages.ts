import { DEFAULT_MAX_SCALE, isVdsrError, type ResizeTarget, VdsrError } from '@vdsr/core';

type Sides = { scale?: number; width?: number; height?: number };

/** The flags a target came from, as typed: '--scale 2', '--width 640 --height 480'. */
export function targetFlags(target: ResizeTarget): string {
  const sides = target as Sides;
  return (['scale', 'width', 'height'] as const)
    .filter((name) => sides[name] !== undefined)
    .map((name) => `--${name} ${sides[name]}`)
    .join(' ');
}

/** --scale, --width or --height for the core's `target.scale`, `target.width`, `target.height`. */
function flagOf(option: string | undefined): string | undefined {
  const field = option?.startsWith('target.') ? option.slice('target.'.length) : undefined;
  return field === undefined ? undefined : `--${field}`;
}

/** How the limits of the core and @vdsr/sharp read in the CLI's terms, from their errors' details. */
function reworded(error: VdsrError, target: ResizeTarget): string | undefined {
  const { option, limit, value, max, min } = error.details ?? {};
  const flags = targetFlags(target);
  const flag = flagOf(option);
  if (limit === 'maxScale' && flag) {
    return `${flags} scales the image by more than vdsr's limit of ${DEFAULT_MAX_SCALE}: ask for ${flag} ${max} or less`;
  }
  if (error.code === 'E_ARG' && flag && min !== undefined) {
    return `${flags} does not enlarge the image (vdsr only upscales): ask for ${flag} ${min} or more`;
  }
  if (limit === 'maxOutputPixels' || limit === 'MAX_RESIZE_PIXELS') {
    const which = limit === 'maxOutputPixels' ? "vdsr's output limit" : 'the most a resize allocates';
    return `${flags} makes an output of ${value} pixels, more than ${which} (${max} pixels): ask for a smaller output`;
  }
  if (limit === 'limitInputPixels') {
    return `the image has ${value} pixels, more than the input limit of ${max} (--limit-input-pixels); raise it with --limit-input-pixels N (0 for no limit)`;
  }
  if (option === 'tileSize' && min !== undefined) {
    return `Expected --tile ${min} or more (the 20 px halo would cost over ten times a smaller tile's own work) but received --tile ${value}`;
  }
  if (option === 'options.page') {
    return `--page ${value} is past the image's last page, ${max} (pages count from 0)`;
  }
  if (option === 'options.background') {
    return `Expected a colour for --background (a CSS name, #rrggbb or rgba(...)) but received '${value}'`;
  }
  return undefined;
}

/** `error` in the CLI's words (same code, the original as cause) when its details say which flag it is about. */
export function inFlagTerms(error: unknown, target: ResizeTarget): unknown {
  if (!isVdsrError(error)) return error;
  const message = reworded(error, target);
  return message === undefined
    ? error
    : new VdsrError(error.code, message, { cause: error, details: error.details });
}
