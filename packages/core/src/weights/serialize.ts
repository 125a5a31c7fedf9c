import { argError, VdsrError } from '../errors.js';
import { validateArchitecture } from '../graph/validate.js';
import { encodeContainer } from './container.js';
import { DTYPE_BYTES, type Dtype, type TensorSpec, tensorSpecs, writeTensor } from './layout.js';
import { validateMetricsRows, validateProvenance, WEIGHTS_FORMAT } from './metadata.js';
import { sha256Hex } from './sha256.js';
import type { MetricsRow, VdsrWeights } from './types.js';

export interface SerializeOptions {
  /** Storage precision: F16 halves the file and rounds every value to nearest even. */
  dtype: 'F32' | 'F16';
  provenance?: Record<string, unknown>;
  metrics?: readonly MetricsRow[];
}

/** The largest finite float16; anything that rounds past it would be stored as infinity. */
const F16_MAX = 65504;

/** The Float32Array a layer holds for a tensor, checked against the architecture and for finite values. */
function tensorValues(weights: Pick<VdsrWeights, 'layers'>, spec: TensorSpec, dtype: Dtype): Float32Array {
  const layer = weights.layers[spec.layer];
  const name = `weights.layers[${spec.layer}].${spec.part}`;
  const values = layer?.[spec.part];
  if (!(values instanceof Float32Array) || values.length !== spec.length) {
    throw argError(
      name,
      `a Float32Array of length ${spec.length} (shape ${JSON.stringify(spec.shape)})`,
      values,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v))
      throw new VdsrError('E_ARG', `Expected finite values in ${name} but received ${v} at index ${i}`);
    // Values in [65504, 65520) round down to 65504; from 65520 on, to infinity.
    if (dtype === 'F16' && Math.abs(v) >= F16_MAX + 16) {
      throw new VdsrError(
        'E_ARG',
        `Expected values within float16's range (|v| <= ${F16_MAX}) in ${name} but received ${v} at index ${i}; write F32 instead`,
      );
    }
  }
  return values;
}

function checkLayerShapes(weights: Pick<VdsrWeights, 'layers'>, specs: TensorSpec[]): void {
  const depth = specs.length / 2;
  if (!Array.isArray(weights.layers) || weights.layers.length !== depth) {
    throw argError('weights.layers', `an array of ${depth} layers (architecture.depth)`, weights.layers);
  }
  for (const { layer: i, shape, part } of specs) {
    if (part !== 'weight') continue;
    const [outChannels, inChannels, kernelSize] = shape;
    const l = weights.layers[i];
    if (l?.inChannels !== inChannels || l.outChannels !== outChannels || l.kernelSize !== kernelSize) {
      throw new VdsrError(
        'E_ARG',
        `Expected weights.layers[${i}] to be ${inChannels} -> ${outChannels} channels with a ${kernelSize}x${kernelSize} kernel but received ${l?.inChannels} -> ${l?.outChannels} with ${l?.kernelSize}x${l?.kernelSize}`,
      );
    }
  }
}

/**
 * Writes weights as a vdsr weights file (safetensors, docs/weights-format.md): tensors in layer
 * order, every one in `dtype`, the metadata with format, architecture, the data's SHA-256 and the
 * optional provenance and metrics. parseWeights reads it back to the same values (F16: rounded).
 */
export async function serializeWeights(
  weights: Pick<VdsrWeights, 'architecture' | 'layers'>,
  options: SerializeOptions,
): Promise<Uint8Array> {
  if (typeof weights !== 'object' || weights === null)
    throw argError('weights', 'an object { architecture, layers }', weights);
  if (typeof options !== 'object' || options === null)
    throw argError('options', 'an object { dtype }', options);
  const { dtype } = options;
  if (dtype !== 'F32' && dtype !== 'F16') throw argError('options.dtype', "'F32' or 'F16'", dtype);
  const architecture = validateArchitecture(weights.architecture, 'weights.architecture');
  const provenance =
    options.provenance === undefined
      ? undefined
      : validateProvenance(options.provenance, 'options.provenance');
  const metrics =
    options.metrics === undefined ? undefined : validateMetricsRows(options.metrics, 'options.metrics');
  const specs = tensorSpecs(architecture);
  checkLayerShapes(weights, specs);
  const size = DTYPE_BYTES[dtype];
  const data = new Uint8Array(specs.reduce((s, t) => s + t.length * size, 0));
  const header: Record<string, unknown> = {};
  let at = 0;
  for (const spec of specs) {
    writeTensor(data, at, tensorValues(weights, spec, dtype), dtype);
    header[spec.name] = { dtype, shape: spec.shape, data_offsets: [at, at + spec.length * size] };
    at += spec.length * size;
  }
  const metadata: Record<string, string> = {
    format: WEIGHTS_FORMAT,
    architecture: JSON.stringify(architecture),
    content_sha256: await sha256Hex(data),
  };
  if (provenance !== undefined) metadata.provenance = JSON.stringify(provenance);
  if (metrics !== undefined) metadata.metrics = JSON.stringify(metrics);
  return encodeContainer({ __metadata__: metadata, ...header }, data);
}
