import { basename, extname } from 'node:path';
import { type ResizeTarget, targetSize } from '@vdsr/core';
import type { OutputFormat } from '@vdsr/sharp';
import { cacheKey } from './cache.js';
import type { VdsrRequest } from './query.js';
import { formatExtension, type SourceImage } from './source.js';
import type { UpscaleJob } from './upscales.js';

/** One upscaled image of an import. */
export interface PlannedImage {
  readonly job: UpscaleJob;
  /** The emitted asset's name before Vite hashes it: `hero@120x60.png`. */
  readonly assetName: string;
  /** Its pixel density in a srcset. */
  readonly density?: number;
}

/** The upscaled images an import needs, each with its content address in the cache. */
export function planImages(
  file: string,
  request: VdsrRequest,
  source: SourceImage,
  weightsHash: string,
): PlannedImage[] {
  const targets: { target: ResizeTarget; density?: number }[] =
    request.kind === 'url'
      ? [{ target: request.target }]
      : request.densities.filter((d) => d > 1).map((density) => ({ target: { scale: density }, density }));
  const ext = request.format === undefined ? source.ext : formatExtension(request.format);
  const stem = basename(file, extname(file));
  return targets.map(({ target, density }) => {
    const size = targetSize(source.width, source.height, target);
    const { format, ensemble } = request;
    const key = cacheKey({ input: source.bytes, target, format, ensemble, weights: weightsHash });
    const job: UpscaleJob = {
      name: `${key}.${ext}`,
      input: source.bytes,
      target,
      // Any name passes here; sharp rejects those it cannot write (E_ARG listing the ones it can).
      ...(format === undefined ? {} : { format: format as OutputFormat }),
      ...(ensemble === undefined ? {} : { ensemble }),
      label: `${basename(file)} ${'scale' in target ? `${target.scale}x` : `${size.width}x${size.height}`}${ensemble === undefined ? '' : ` ensemble ${ensemble}`}`,
      pixels: size.width * size.height,
    };
    return {
      job,
      assetName: `${stem}@${size.width}x${size.height}.${ext}`,
      ...(density === undefined ? {} : { density }),
    };
  });
}
