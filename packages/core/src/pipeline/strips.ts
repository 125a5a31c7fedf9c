import { lumaPlane } from '../colour/ycbcr.js';
import { ensembleSize } from '../ensemble/options.js';
import { passProgress } from '../ensemble/progress.js';
import { ensembleSession } from '../ensemble/session.js';
import { argError, throwIfAborted, VdsrError } from '../errors.js';
import { VDSR_PAPER } from '../graph/architecture.js';
import { describeGraph } from '../graph/describe.js';
import type { Channels, ImageInput, PixelData, VdsrImage } from '../image.js';
import { toImage } from '../image.js';
import { createRowResizer } from '../resize/rows.js';
import type { ResizeTarget } from '../resize/target.js';
import { checkTiledOptions, planSessionTiles, runTiledRows } from '../tiling/run.js';
import { type SessionUpscaleOptions, upscaleSize } from './options.js';
import { mapPlanes, mergePlanes, splitPlanes } from './planes.js';

/** Rows [y, y + height) of an upscaled image: interleaved, the input's channels and array type. */
export interface ImageStrip<D extends PixelData = PixelData> {
  /** The strip's first row in the output. */
  readonly y: number;
  /** The whole output's height (its width is the strip's). */
  readonly imageHeight: number;
  readonly width: number;
  readonly height: number;
  readonly channels: Channels;
  readonly data: D;
}

/** Receives each strip, top to bottom; the upscale waits for a returned promise (backpressure). */
export type StripConsumer<D extends PixelData> = (strip: ImageStrip<D>) => void | Promise<void>;

/** The size of the whole output, once every strip was delivered. */
export interface UpscaledSize {
  readonly width: number;
  readonly height: number;
  readonly channels: Channels;
}

/** Below this the halo (20 px each side) costs more than ten times the tile's own work. */
export const MIN_TILE_SIZE = 16;

/** Output rows coloured and merged at a time: strips hold about this many pixels. */
const STRIP_PIXELS = 2 ** 18;

/** Float samples that would turn the whole output into NaN are refused up front. */
function assertFinite(data: PixelData): void {
  if (!(data instanceof Float32Array)) return;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      throw new VdsrError(
        'E_ARG',
        `Expected finite samples in image.data but received ${data[i]} at index ${i}`,
        { details: { option: 'image.data', value: data[i] } },
      );
    }
  }
}

/** Rows [y0, y1) of an image, as an image (a view, no copy). */
function rowsOf<D extends PixelData>(image: VdsrImage<D>, y0: number, y1: number): VdsrImage<D> {
  const { width, channels, data } = image;
  const stride = width * channels;
  return { width, height: y1 - y0, channels, data: data.subarray(y0 * stride, y1 * stride) as D };
}

/**
 * VDSR super-resolution delivered in strips of output rows, so that no float plane of the whole output
 * is ever held: each band of tiles reads only the input rows it needs (imresize is separable), runs
 * the network on its rows with their halo, and merges colour a strip at a time. The strips joined are
 * bit-identical to upscale()'s image. Rejects with E_ABORTED once `signal` fired, however late.
 */
export async function upscaleStrips<D extends PixelData>(
  image: ImageInput<D>,
  target: ResizeTarget,
  onStrip: StripConsumer<D>,
  options: SessionUpscaleOptions,
): Promise<UpscaledSize> {
  const input = toImage(image);
  if (typeof onStrip !== 'function') throw argError('onStrip', 'a function', onStrip);
  if (typeof options !== 'object' || options === null)
    throw argError('options', 'an object with a session', options);
  const { session, architecture = VDSR_PAPER, maxScale, maxOutputPixels, ensemble, ...tiling } = options;
  if (typeof session?.run !== 'function') throw argError('options.session', 'a BackendSession', session);
  const transforms = ensembleSize(ensemble);
  const { receptiveRadius, architecture: arch } = describeGraph(architecture);
  const tiled = { ...tiling, halo: receptiveRadius, channels: arch.channels };
  checkTiledOptions(tiled);
  const { tileSize, signal } = tiling;
  if (tileSize !== undefined && tileSize < MIN_TILE_SIZE) {
    const error = argError('tileSize', `an integer >= ${MIN_TILE_SIZE}`, tileSize);
    throw new VdsrError('E_ARG', error.message, {
      details: { option: 'tileSize', value: tileSize, min: MIN_TILE_SIZE },
    });
  }
  const size = upscaleSize(input, target, { maxScale, maxOutputPixels });
  assertFinite(input.data);
  throwIfAborted(signal);
  const { width, height } = size;
  const resizer = createRowResizer(input.width, input.height, width, height, {
    x: size.scaleX,
    y: size.scaleY,
  });
  const luma = (y0: number, y1: number) => {
    const [start, end] = resizer.inputRows(y0, y1);
    const y = resizer.resize(lumaPlane(rowsOf(input, start, end)), start, y0, y1);
    for (let i = 0; i < y.length; i++) y[i] = y[i]! / 255;
    return y;
  };
  const stripRows = Math.max(1, Math.floor(STRIP_PIXELS / width));
  const merge = async (y0: number, refined: Float32Array) => {
    const y1 = y0 + refined.length / width;
    for (let r = y0; r < y1; r += stripRows) {
      const r1 = Math.min(y1, r + stripRows);
      const [start, end] = resizer.inputRows(r, r1);
      const planes = mapPlanes(splitPlanes(rowsOf(input, start, end)), (p) =>
        resizer.resize(p, start, r, r1),
      );
      const y = refined.subarray((r - y0) * width, (r1 - y0) * width);
      for (let i = 0; i < y.length; i++) planes.y[i] = y[i]! * 255;
      const strip = mergePlanes(planes, width, r1 - r, input.data);
      throwIfAborted(signal);
      await onStrip({ ...strip, y: r, imageHeight: height });
    }
  };
  if (transforms === 1) await runTiledRows(session, width, height, luma, merge, tiled);
  else {
    // Every tile runs once per transform; progress then counts passes.
    const { onProgress, ...rest } = tiled;
    const onPass = onProgress && passProgress(planSessionTiles(session, width, height, tiled), onProgress);
    await runTiledRows(ensembleSession(session, transforms, onPass), width, height, luma, merge, rest);
  }
  throwIfAborted(signal);
  return { width, height, channels: input.channels };
}
