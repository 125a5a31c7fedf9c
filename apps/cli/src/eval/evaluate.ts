import { throwIfAborted, type Upscaler, VdsrError, type VdsrImage } from '@vdsr/core';
import type { Dataset } from './dataset.js';
import { bicubicUpscale, degrade, modcrop, type Score, score } from './protocol.js';
import { readImage8 } from './read-image.js';

/** 'ensemble': VDSR with the geometric self-ensemble (EvalOptions.ensemble transforms). */
export type Method = 'bicubic' | 'vdsr' | 'ensemble';

export interface ImageScore extends Score {
  readonly name: string;
}

/** One line of the results: a method on a dataset at a scale, the mean over its images. */
export interface EvalRow extends Score {
  readonly dataset: string;
  readonly scale: number;
  readonly method: Method;
  readonly images: ImageScore[];
  /** The network's rows: seconds spent upscaling this row's images. */
  readonly seconds?: number;
  /** The ensemble's rows: how many transforms were averaged. */
  readonly transforms?: number;
}

export interface EvalOptions {
  readonly scales: readonly number[];
  /** Without one, only the bicubic baseline is measured. */
  readonly upscaler?: Upscaler;
  readonly tileSize?: number;
  /** Also measure VDSR with this many ensemble transforms (2, 4 or 8), next to plain VDSR. */
  readonly ensemble?: 2 | 4 | 8;
  readonly signal?: AbortSignal;
  /** Before each image and scale, for progress. */
  onStep?(label: string): void;
  /** An image that could not be measured; the others still are. */
  onError(label: string, error: unknown): void;
}

interface Row {
  dataset: string;
  scale: number;
  method: Method;
  images: ImageScore[];
  seconds: number;
}

/**
 * The protocol crops to multiples of the scale and shaves `scale` pixels from every border, so a
 * side needs 3 x scale pixels for one to be left to measure.
 */
function checkBigEnough(image: VdsrImage, scale: number): void {
  const least = 3 * scale;
  if (image.width < least || image.height < least) {
    throw new VdsrError(
      'E_ARG',
      `the ${image.width} x ${image.height} image is too small for x${scale}: the protocol (crop to multiples of ${scale}, shave ${scale} from every border) needs at least ${least} x ${least}`,
      { details: { option: 'image', value: Math.min(image.width, image.height), min: least } },
    );
  }
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * The standard SR benchmark protocol (datasets/README.md): modcrop, MATLAB bicubic down to LR
 * (uint8), back up by bicubic and by VDSR, luma PSNR/SSIM with `scale` pixels shaved.
 */
export async function evaluate(datasets: readonly Dataset[], options: EvalOptions): Promise<EvalRow[]> {
  const { upscaler, ensemble } = options;
  const methods: Method[] = ['bicubic'];
  if (upscaler) methods.push('vdsr');
  if (upscaler && ensemble) methods.push('ensemble');
  const results: Row[] = [];
  for (const dataset of datasets) {
    const rows = options.scales.map((scale) =>
      methods.map((method) => {
        const row: Row = { dataset: dataset.name, scale, method, images: [], seconds: 0 };
        results.push(row);
        return row;
      }),
    );
    for (const image of dataset.images) {
      const full = await readImage8(image.path).catch((error: unknown) => {
        options.onError(`${dataset.name}/${image.name}`, error);
      });
      for (const [s, scale] of options.scales.entries()) {
        const label = `${dataset.name}/${image.name} x${scale}`;
        throwIfAborted(options.signal);
        options.onStep?.(label);
        if (!full) continue;
        try {
          checkBigEnough(full, scale);
          const hr = modcrop(full, scale);
          const lr = degrade(hr, scale);
          const [bicubicRow, ...networkRows] = rows[s]!;
          bicubicRow!.images.push({
            name: image.name,
            ...score(bicubicUpscale(lr, hr.width, hr.height), hr, scale),
          });
          for (const row of networkRows) {
            const started = performance.now();
            const sr = await upscaler!.upscale(
              lr,
              { width: hr.width, height: hr.height },
              {
                signal: options.signal,
                tileSize: options.tileSize,
                ensemble: row.method === 'ensemble' ? ensemble : 1,
              },
            );
            row.seconds += (performance.now() - started) / 1000;
            row.images.push({ name: image.name, ...score(sr, hr, scale) });
          }
        } catch (error) {
          throwIfAborted(options.signal);
          options.onError(label, error);
        }
      }
    }
  }
  return results.map((row) => ({
    dataset: row.dataset,
    scale: row.scale,
    method: row.method,
    psnr: mean(row.images.map((i) => i.psnr)),
    ssim: mean(row.images.map((i) => i.ssim)),
    images: row.images,
    ...(row.method === 'bicubic' ? {} : { seconds: Math.round(row.seconds * 1000) / 1000 }),
    ...(row.method === 'ensemble' ? { transforms: ensemble } : {}),
  }));
}
