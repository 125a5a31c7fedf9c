import { argError, VdsrError } from '../errors.js';
import { type ImageInput, toImage } from '../image.js';
import { metricLumaPlane } from './luma.js';
import { psnrPlane } from './psnr.js';
import { ssimPlane } from './ssim.js';

export interface MetricOptions {
  /** Pixels removed from every border before comparing (the benchmarks use the scale factor). */
  shave?: number;
}

type PlaneMetric = typeof psnrPlane;

function onLuma(
  metric: PlaneMetric,
  a: ImageInput,
  b: ImageInput,
  options: MetricOptions | undefined,
): number {
  const ia = toImage(a, 'a');
  const ib = toImage(b, 'b');
  if (ia.width !== ib.width || ia.height !== ib.height) {
    throw new VdsrError(
      'E_ARG',
      `Expected b of ${ia.width} x ${ia.height} (the size of a) but received ${ib.width} x ${ib.height}`,
    );
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw argError('options', 'an object { shave }', options);
  }
  return metric(metricLumaPlane(ia), metricLumaPlane(ib), ia.width, ia.height, options?.shave ?? 0);
}

/** PSNR (dB) between two images of the same size on luma (see metricLumaPlane), as the SR benchmarks report it. */
export function psnr(a: ImageInput, b: ImageInput, options?: MetricOptions): number {
  return onLuma(psnrPlane, a, b, options);
}

/** Mean SSIM between two images of the same size on luma (see metricLumaPlane and ssimPlane). */
export function ssim(a: ImageInput, b: ImageInput, options?: MetricOptions): number {
  return onLuma(ssimPlane, a, b, options);
}
