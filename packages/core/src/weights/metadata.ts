import { argError } from '../errors.js';
import type { MetricsRow } from './types.js';

/** The `format` a file must declare; a future incompatible layout gets a new version. */
export const WEIGHTS_FORMAT = 'vdsr-weights/1';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks a provenance record (a JSON object); E_ARG otherwise. */
export function validateProvenance(value: unknown, name: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw argError(name, 'a JSON object', value);
  return value;
}

/**
 * Checks quality-table rows ({ dataset, scale, method, psnr, ssim }, and the transforms of an
 * 'ensemble' row); E_ARG naming the first bad field.
 */
export function validateMetricsRows(value: unknown, name: string): MetricsRow[] {
  if (!Array.isArray(value))
    throw argError(name, 'an array of { dataset, scale, method, psnr, ssim, transforms? }', value);
  return value.map((row: unknown, i) => {
    const at = `${name}[${i}]`;
    if (!isPlainObject(row)) throw argError(at, 'an object { dataset, scale, method, psnr, ssim }', row);
    const { dataset, scale, method, psnr, ssim, transforms } = row;
    if (typeof dataset !== 'string' || dataset === '')
      throw argError(`${at}.dataset`, 'a non-empty string', dataset);
    if (typeof scale !== 'number' || !(scale > 0) || !Number.isFinite(scale)) {
      throw argError(`${at}.scale`, 'a finite number > 0', scale);
    }
    if (method !== 'bicubic' && method !== 'vdsr' && method !== 'ensemble')
      throw argError(`${at}.method`, "'bicubic', 'vdsr' or 'ensemble'", method);
    if (typeof psnr !== 'number' || !Number.isFinite(psnr))
      throw argError(`${at}.psnr`, 'a finite number (dB)', psnr);
    if (typeof ssim !== 'number' || !(ssim >= -1 && ssim <= 1))
      throw argError(`${at}.ssim`, 'a number in -1..1', ssim);
    if (method !== 'ensemble') {
      if (transforms !== undefined)
        throw argError(`${at}.transforms`, `nothing on a ${method} row`, transforms);
      return { dataset, scale, method, psnr, ssim };
    }
    if (transforms !== 2 && transforms !== 4 && transforms !== 8)
      throw argError(`${at}.transforms`, '2, 4 or 8 on an ensemble row', transforms);
    return { dataset, scale, method, psnr, ssim, transforms };
  });
}
