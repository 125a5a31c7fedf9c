import type { BackendSession } from '../backend.js';
import { type EnsembleSize, ensembleSize } from '../ensemble/options.js';
import { passProgress } from '../ensemble/progress.js';
import { ensembleSession } from '../ensemble/session.js';
import { argError, throwIfAborted } from '../errors.js';
import { VDSR_PAPER } from '../graph/architecture.js';
import { describeGraph } from '../graph/describe.js';
import { type ImageInput, type PixelData, toImage, type VdsrImage } from '../image.js';
import { resizePlane } from '../resize/plane.js';
import type { ResizeTarget } from '../resize/target.js';
import { checkTiledOptions, planSessionTiles, runTiled, type TiledOptions } from '../tiling/run.js';
import { type SessionUpscaleOptions, upscaleSize } from './options.js';
import { mapPlanes, mergePlanes, splitPlanes } from './planes.js';

/** runTiled, through the ensemble session when it has more than one transform (progress per pass). */
function runNetwork(
  session: BackendSession,
  transforms: EnsembleSize,
  y: Float32Array,
  width: number,
  height: number,
  tiled: TiledOptions,
): Promise<Float32Array> {
  if (transforms === 1) return runTiled(session, y, width, height, tiled);
  const { onProgress, ...rest } = tiled;
  const onPass = onProgress && passProgress(planSessionTiles(session, width, height, tiled), onProgress);
  return runTiled(ensembleSession(session, transforms, onPass), y, width, height, rest);
}

/**
 * VDSR super-resolution of one image on an open session: the luma is bicubic-upscaled (MATLAB
 * imresize semantics) and refined by the network tile by tile; chroma and alpha are bicubic-upscaled.
 * The result has the input's channels and array type (8-bit rounded, float32 unrounded, both clamped
 * to 0..255). With `ensemble`, every tile runs once per transform and the outputs are averaged.
 * Rejects with E_ABORTED promptly once `signal` fires (within one tile pass); the session stays usable.
 */
export async function upscale<D extends PixelData>(
  image: ImageInput<D>,
  target: ResizeTarget,
  options: SessionUpscaleOptions,
): Promise<VdsrImage<D>> {
  const input = toImage(image);
  if (typeof options !== 'object' || options === null)
    throw argError('options', 'an object with a session', options);
  const { session, architecture = VDSR_PAPER, maxScale, maxOutputPixels, ensemble, ...tiling } = options;
  if (typeof session?.run !== 'function') throw argError('options.session', 'a BackendSession', session);
  const transforms = ensembleSize(ensemble);
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
  const refined = await runNetwork(session, transforms, y, size.width, size.height, tiled);
  for (let i = 0; i < refined.length; i++) refined[i] = refined[i]! * 255;
  return mergePlanes({ ...planes, y: refined }, size.width, size.height, input.data);
}
