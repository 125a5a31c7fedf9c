import { type ImageInput, newPixelData, type PixelData, toImage, type VdsrImage } from '../image.js';
import type { ResizeTarget } from '../resize/target.js';
import type { SessionUpscaleOptions } from './options.js';
import { upscaleStrips } from './strips.js';

/**
 * VDSR super-resolution of one image on an open session: the luma is bicubic-upscaled (MATLAB
 * imresize semantics) and refined by the network tile by tile; chroma and alpha are bicubic-upscaled.
 * The result has the input's channels and array type (8-bit rounded, float32 unrounded, both clamped
 * to 0..255). With `ensemble`, every tile runs once per transform and the outputs are averaged.
 * Rejects with E_ABORTED promptly once `signal` fires, even during the last tile; the
 * session stays usable. Works strip by strip (see upscaleStrips): beyond the result, memory is set
 * by the tile size, not the image.
 */
export async function upscale<D extends PixelData>(
  image: ImageInput<D>,
  target: ResizeTarget,
  options: SessionUpscaleOptions,
): Promise<VdsrImage<D>> {
  const input = toImage(image);
  let data: D | undefined;
  const size = await upscaleStrips(
    input,
    target,
    (strip) => {
      data ??= newPixelData(input.data, strip.width * strip.imageHeight * strip.channels);
      data.set(strip.data as never, strip.y * strip.width * strip.channels);
    },
    options,
  );
  return { ...size, data: data! };
}
