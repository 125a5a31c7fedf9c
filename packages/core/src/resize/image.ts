import { type ImageInput, newPixelData, type PixelData, toImage, type VdsrImage } from '../image.js';
import { resizePlane } from './plane.js';
import { type ResizeTarget, targetSize } from './target.js';

/**
 * MATLAB `imresize(image, ..., 'bicubic')` on every channel (alpha included). 8-bit data comes back
 * as the same array type, rounded half away from zero and clamped to 0..255 as MATLAB's uint8 does;
 * float data comes back as float, unclamped.
 */
export function resizeImage<D extends PixelData>(image: ImageInput<D>, target: ResizeTarget): VdsrImage<D> {
  const { width, height, channels, data } = toImage(image);
  const size = targetSize(width, height, target);
  const scale = { x: size.scaleX, y: size.scaleY };
  const out = newPixelData(data, size.width * size.height * channels);
  const round = !(data instanceof Float32Array);
  const plane = new Float32Array(width * height);
  for (let c = 0; c < channels; c++) {
    for (let p = 0, i = c; p < plane.length; p++, i += channels) plane[p] = data[i]!;
    const resized = resizePlane(plane, width, height, size.width, size.height, scale);
    for (let p = 0, i = c; p < resized.length; p++, i += channels) {
      const v = resized[p]!;
      out[i] = round ? (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v)) : v;
    }
  }
  return { width: size.width, height: size.height, channels, data: out };
}
