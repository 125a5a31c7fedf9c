import { argError, describeValue } from '../errors.js';
import type { VdsrArchitecture } from '../graph/architecture.js';
import { validateArchitecture } from '../graph/validate.js';
import { decodeContainer } from './container.js';
import { weightsError } from './error.js';
import { DTYPE_BYTES, type Dtype, readTensor, type TensorSpec, tensorSpecs } from './layout.js';
import { validateMetricsRows, validateProvenance, WEIGHTS_FORMAT } from './metadata.js';
import { sha256Hex } from './sha256.js';
import type { ConvLayerWeights, VdsrWeights, WeightsMetadata } from './types.js';

/** Runs a validator that throws E_ARG and reports its complaint as E_WEIGHTS. */
function asWeightsError<T>(what: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw weightsError(`${what}: ${(error as Error).message}`, error);
  }
}

function parseJson(raw: Record<string, string>, key: string): unknown {
  try {
    return JSON.parse(raw[key]!);
  } catch (error) {
    throw weightsError(
      `Expected __metadata__.${key} to hold JSON but it does not parse: ${(error as Error).message}`,
      error,
    );
  }
}

const REQUIRED_METADATA = [
  ['format', `'${WEIGHTS_FORMAT}'`],
  ['architecture', 'the network as JSON'],
  ['content_sha256', 'the lower-case hex SHA-256 of the data section'],
] as const;

function readMetadata(header: Record<string, unknown>): {
  architecture: VdsrArchitecture;
  metadata: WeightsMetadata;
} {
  const raw = header.__metadata__;
  if (raw === undefined) throw weightsError('Expected a __metadata__ entry in the header but there is none');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw weightsError(`Expected __metadata__ to be an object but received ${describeValue(raw)}`);
  }
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== 'string') {
      throw weightsError(`Expected __metadata__.${key} to be a string but received ${describeValue(value)}`);
    }
  }
  const entries = raw as Record<string, string>;
  for (const [key, what] of REQUIRED_METADATA) {
    if (entries[key] === undefined)
      throw weightsError(`Expected __metadata__.${key} (${what}) but the header has none`);
  }
  if (entries.format !== WEIGHTS_FORMAT) {
    throw weightsError(
      `Expected __metadata__.format '${WEIGHTS_FORMAT}' but received '${entries.format}', a format version this reader does not support`,
    );
  }
  const architecture = asWeightsError('In __metadata__.architecture', () =>
    validateArchitecture(parseJson(entries, 'architecture')),
  );
  const provenance =
    entries.provenance === undefined
      ? {}
      : asWeightsError('In __metadata__', () =>
          validateProvenance(parseJson(entries, 'provenance'), 'provenance'),
        );
  const metrics =
    entries.metrics === undefined
      ? []
      : asWeightsError('In __metadata__', () =>
          validateMetricsRows(parseJson(entries, 'metrics'), 'metrics'),
        );
  return { architecture, metadata: { provenance, metrics, raw: Object.freeze({ ...entries }) } };
}

interface Located {
  readonly spec: TensorSpec;
  readonly begin: number;
  readonly end: number;
}

function isNonNegativeInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Matches the header's tensors with the ones the architecture needs: names, dtypes, shapes, sizes. */
function locateTensors(
  header: Record<string, unknown>,
  specs: TensorSpec[],
): { dtype: Dtype; tensors: Located[] } {
  const wanted = new Set(specs.map((s) => s.name));
  const extra = Object.keys(header).filter((k) => k !== '__metadata__' && !wanted.has(k));
  if (extra.length > 0) {
    throw weightsError(
      `Expected only the tensors layers.{0..${specs.length / 2 - 1}}.weight and .bias but the file also holds ${extra.join(', ')}`,
    );
  }
  let dtype: Dtype | undefined;
  let first = '';
  const tensors = specs.map((spec): Located => {
    const entry = header[spec.name] as
      | { dtype?: unknown; shape?: unknown; data_offsets?: unknown }
      | undefined;
    if (entry === undefined) throw weightsError(`Expected a tensor ${spec.name} but the file has none`);
    if (typeof entry !== 'object' || entry === null) {
      throw weightsError(
        `Expected tensor ${spec.name} to be described by an object but received ${describeValue(entry)}`,
      );
    }
    if (entry.dtype !== 'F32' && entry.dtype !== 'F16') {
      throw weightsError(
        `Expected tensor ${spec.name} to have dtype F32 or F16 but received ${describeValue(entry.dtype)}`,
      );
    }
    if (dtype === undefined) [dtype, first] = [entry.dtype, spec.name];
    else if (entry.dtype !== dtype) {
      throw weightsError(
        `Expected every tensor to have one dtype but ${first} is ${dtype} and ${spec.name} is ${entry.dtype}`,
      );
    }
    const shape = entry.shape;
    if (
      !Array.isArray(shape) ||
      shape.length !== spec.shape.length ||
      shape.some((d, i) => d !== spec.shape[i])
    ) {
      throw weightsError(
        `Expected tensor ${spec.name} to have shape ${JSON.stringify(spec.shape)} but received ${JSON.stringify(shape)}`,
      );
    }
    const offsets = entry.data_offsets;
    const bytes = spec.length * DTYPE_BYTES[dtype];
    if (
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !isNonNegativeInt(offsets[0]) ||
      !isNonNegativeInt(offsets[1]) ||
      offsets[1] - offsets[0] !== bytes
    ) {
      throw weightsError(
        `Expected tensor ${spec.name} to have data_offsets [begin, begin + ${bytes}] (${spec.length} x ${dtype}) but received ${JSON.stringify(offsets)}`,
      );
    }
    return { spec, begin: offsets[0], end: offsets[1] };
  });
  return { dtype: dtype!, tensors };
}

/** The tensors must tile the data section exactly: from byte 0, no overlap, no gap, nothing after. */
function checkCoverage(tensors: Located[], dataLength: number): void {
  const sorted = [...tensors].sort((a, b) => a.begin - b.begin);
  let at = 0;
  let previous = 'the start of the data section';
  for (const t of sorted) {
    if (t.begin < at) {
      throw weightsError(
        `Expected tensors not to overlap but ${t.spec.name} starts at byte ${t.begin}, inside ${previous} (which ends at ${at})`,
      );
    }
    if (t.begin > at) {
      throw weightsError(
        `Expected tensors without gaps but ${t.spec.name} starts at byte ${t.begin}, ${t.begin - at} bytes after ${previous} ends`,
      );
    }
    at = t.end;
    previous = t.spec.name;
  }
  if (at > dataLength) {
    throw weightsError(
      `Expected a data section of ${at} bytes but the file holds only ${dataLength}: it is truncated`,
    );
  }
  if (at < dataLength) {
    throw weightsError(
      `Expected a data section of ${at} bytes but the file holds ${dataLength}: ${dataLength - at} bytes follow the last tensor`,
    );
  }
}

function decodeLayers(data: Uint8Array, dtype: Dtype, tensors: Located[]): ConvLayerWeights[] {
  const values = tensors.map(({ spec, begin }) => {
    const v = readTensor(data, begin, spec.length, dtype);
    const bad = v.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0)
      throw weightsError(`Expected finite values but tensor ${spec.name} holds ${v[bad]} at index ${bad}`);
    return v;
  });
  const layers: ConvLayerWeights[] = [];
  for (let i = 0; i < tensors.length; i += 2) {
    const [outChannels, inChannels, kernelSize] = tensors[i]!.spec.shape as [number, number, number];
    layers.push({ inChannels, outChannels, kernelSize, weight: values[i]!, bias: values[i + 1]! });
  }
  return layers;
}

/**
 * Reads a vdsr weights file (safetensors, see docs/weights-format.md) and decodes it to float32.
 * Everything is checked: framing, header, metadata, tensor names, dtypes, shapes, offsets, the
 * content hash (`__metadata__.content_sha256`, required) and that every value is finite; any problem throws
 * E_WEIGHTS saying what was expected and what was found.
 */
export async function parseWeights(bytes: Uint8Array | ArrayBuffer): Promise<VdsrWeights> {
  if (!(bytes instanceof Uint8Array || bytes instanceof ArrayBuffer)) {
    throw argError('bytes', 'a Uint8Array or ArrayBuffer', bytes);
  }
  const { header, data } = decodeContainer(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const { architecture, metadata } = readMetadata(header);
  const { dtype, tensors } = locateTensors(header, tensorSpecs(architecture));
  checkCoverage(tensors, data.length);
  const contentHash = await sha256Hex(data);
  // Required, not optional: a file without it would let a corrupted key name (a flipped byte in
  // "content_sha256") pass as a file that declares no hash, and its tensors go unchecked.
  const declared = metadata.raw.content_sha256;
  if (declared !== contentHash) {
    throw weightsError(
      `Expected the data section to hash to __metadata__.content_sha256 ${declared} but it hashes to ${contentHash}: the file is corrupt`,
    );
  }
  return { architecture, layers: decodeLayers(data, dtype, tensors), dtype, contentHash, metadata };
}
