import type { VdsrArchitecture } from '../graph/architecture.js';

/** One convolution: weight is [out][in][k][k] row-major, as in PyTorch. */
export interface ConvLayerWeights {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: number;
  readonly weight: Float32Array;
  readonly bias: Float32Array;
}

/** One row of the measured quality table shipped with weights. */
export interface MetricsRow {
  readonly dataset: string;
  readonly scale: number;
  /** 'ensemble': VDSR with the geometric self-ensemble of `transforms` flips/rotations. */
  readonly method: 'bicubic' | 'vdsr' | 'ensemble';
  readonly psnr: number;
  readonly ssim: number;
  /** Only on 'ensemble' rows: 2, 4 or 8. */
  readonly transforms?: 2 | 4 | 8;
}

export interface WeightsMetadata {
  /** Free-form training provenance (data, recipe, steps, wall time, device...). */
  readonly provenance: Record<string, unknown>;
  readonly metrics: readonly MetricsRow[];
  /** Every `__metadata__` entry of the file, as stored. */
  readonly raw: Readonly<Record<string, string>>;
}

/** Weights decoded to float32, ready for any backend. */
export interface VdsrWeights {
  readonly architecture: VdsrArchitecture;
  readonly layers: readonly ConvLayerWeights[];
  /** Storage precision in the file. */
  readonly dtype: 'F32' | 'F16';
  /** Lower-case hex SHA-256 of the file's tensor data section. */
  readonly contentHash: string;
  readonly metadata: WeightsMetadata;
}
