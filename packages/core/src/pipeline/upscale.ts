import { argError, throwIfAborted } from '../errors.js';
import { VDSR_PAPER } from '../graph/architecture.js';
import { describeGraph } from '../graph/describe.js';
import { type ImageInput, type PixelData, toImage, type VdsrImage } from '../image.js';
import { resizePlane } from '../resize/plane.js';
import type { ResizeTarget } from '../resize/target.js';
import { checkTiledOptions, runTiled } from '../tiling/run.js';
import { type SessionUpscaleOptions, upscaleSize } from './options.js';
import { mapPlanes, mergePlanes, splitPlanes } from './planes.js';

/**
 * VDSR super-resolution of one image on an open session: the luma is bicubic-upscaled (MATLAB
 * imresize semantics) and refined by the network tile by tile; chroma and alpha are bicubic-upscaled.
 * The result has the input's channels and array type (8-bit rounded, float32 unrounded, both clamped
 * to 0..255). Rejects with E_ABORTED promptly once `signal` fires; the session stays usable.
 */
export async function upscale<D extends PixelData>(
  image: ImageInput<D>,
  target: ResizeTarget,
  options: SessionUpscaleOptions,
): Promise<VdsrImage<D>> {
  const input = toImage(image);
  if (typeof options !== 'object' || options === null)
    throw argError('options', 'an object with a session', options);
  const { session, architecture = VDSR_PAPER, maxScale, maxOutputPixels, ...tiling } = options;
  if (typeof session?.run !== 'function') throw argError('options.session', 'a BackendSession', session);
  const { receptiveRadius, architecture: arch } = describeGraph(architecture);
  const tiled = { ...tiling, halo: receptiveRadius, channels: arch.channels };
  checkTiledOptions(tiled);
  const size = upscaleSize(input, target, { maxScale, maxOutputPixels });
  throwIfAborted(tiling.signal);

  const scale = { x: size.scaleX, y: size.scaleY };
  const planes = mapPlanes(splitPlanes(input), (p) =>
    resizePlane(p, input.width, input.height, size.width, size.height, scale),
  );
  const y = planes.y;
  for (let i = 0; i < y.length; i++) y[i] = y[i]! / 255;
  const refined = await runTiled(session, y, size.width, size.height, tiled);
  for (let i = 0; i < refined.length; i++) refined[i] = refined[i]! * 255;
  return mergePlanes({ ...planes, y: refined }, size.width, size.height, input.data);
}
