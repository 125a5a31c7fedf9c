import { type PixelData, psnr, resizeImage, ssim, type VdsrImage } from '@vdsr/core';

/** MATLAB's modcrop: the top-left part whose sides are multiples of `scale`. */
export function modcrop<D extends PixelData>(image: VdsrImage<D>, scale: number): VdsrImage<D> {
  const width = image.width - (image.width % scale);
  const height = image.height - (image.height % scale);
  const { channels } = image;
  const data = new (image.data.constructor as new (length: number) => D)(width * height * channels);
  for (let y = 0; y < height; y++) {
    const from = y * image.width * channels;
    data.set(image.data.subarray(from, from + width * channels), y * width * channels);
  }
  return { width, height, channels, data };
}

/** LR = imresize(HR, 1/s, 'bicubic') rounded to uint8; the size is given so 1/s never rounds it. */
export function degrade(hr: VdsrImage<Uint8Array>, scale: number): VdsrImage<Uint8Array> {
  return resizeImage(hr, { width: hr.width / scale, height: hr.height / scale });
}

/** The bicubic baseline: imresize(LR, s, 'bicubic') rounded to uint8. */
export function bicubicUpscale(
  lr: VdsrImage<Uint8Array>,
  width: number,
  height: number,
): VdsrImage<Uint8Array> {
  return resizeImage(lr, { width, height });
}

export interface Score {
  readonly psnr: number;
  readonly ssim: number;
}

/**
 * Luma PSNR and SSIM of `sr` against `hr` with `shave` pixels off every border; 8-bit luma is
 * rounded as MATLAB's rgb2ycbcr does for uint8 (see metricLumaPlane in @vdsr/core).
 */
export function score(sr: VdsrImage, hr: VdsrImage, shave: number): Score {
  return { psnr: psnr(sr, hr, { shave }), ssim: ssim(sr, hr, { shave }) };
}
