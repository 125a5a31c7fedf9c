import { describeValue } from '../errors.js';
import { weightsError } from './error.js';

/** A safetensors file split into its JSON header and its data section (a view, not a copy). */
export interface Container {
  readonly header: Record<string, unknown>;
  readonly data: Uint8Array;
}

/** Reads the safetensors framing: u64 LE header length, UTF-8 JSON header, data section. */
export function decodeContainer(bytes: Uint8Array): Container {
  if (bytes.length < 8) {
    throw weightsError(
      `Expected a weights file of at least 8 bytes (the header length) but received ${bytes.length} bytes`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getBigUint64(0, true);
  if (length > BigInt(bytes.length - 8)) {
    throw weightsError(
      `Expected a header length of at most ${bytes.length - 8} (the bytes after the length field) but the file says ${length}`,
    );
  }
  const end = 8 + Number(length);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, end)));
  } catch (error) {
    throw weightsError(
      `Expected the header to be UTF-8 JSON but it does not parse: ${(error as Error).message}`,
      error,
    );
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw weightsError(`Expected the header to be a JSON object but received ${describeValue(header)}`);
  }
  return { header: header as Record<string, unknown>, data: bytes.subarray(end) };
}

/** Writes the safetensors framing, padding the header with spaces so the data starts 8-aligned. */
export function encodeContainer(header: Record<string, unknown>, data: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  out.set(data, 8 + headerLength);
  return out;
}
