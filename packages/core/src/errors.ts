/** Every error thrown by vdsr packages carries one of these codes. */
export type VdsrErrorCode =
  | 'E_ARG' // a bad argument: the message says what was expected and what was received
  | 'E_WEIGHTS' // a weights file that cannot be used
  | 'E_BACKEND' // no backend could run, or a backend failed
  | 'E_ABORTED' // the caller's AbortSignal fired
  | 'E_LIMIT' // an image or a buffer passes a stated limit
  | 'E_IO' // reading or writing a file failed
  | 'E_INTERNAL'; // a bug in vdsr

/**
 * What an error is about, for programs that word their own messages (the CLI names its flags):
 * `option` the option or argument at fault, `limit` the limit's name, `value` what was received,
 * `max`/`min` the bound that applies.
 */
export interface VdsrErrorDetails {
  readonly option?: string;
  readonly limit?: string;
  readonly value?: unknown;
  readonly max?: number;
  readonly min?: number;
}

export interface VdsrErrorOptions {
  cause?: unknown;
  details?: VdsrErrorDetails;
}

// The ESM and CJS builds of the core each define this class; a shared brand lets `instanceof` and
// isVdsrError recognise an error from either build, as a registry shared on globalThis requires.
const BRAND = Symbol.for('@vdsr/core/VdsrError');

/** The one error class of vdsr: check `code` rather than the message. */
export class VdsrError extends Error {
  readonly code: VdsrErrorCode;
  readonly details?: VdsrErrorDetails;

  constructor(code: VdsrErrorCode, message: string, options?: VdsrErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VdsrError';
    this.code = code;
    if (options?.details) this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return isVdsrError(value);
  }
}

/** True for a VdsrError from any copy of @vdsr/core (its ESM and CJS builds, two bundles). */
export function isVdsrError(value: unknown): value is VdsrError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** A short, readable account of a received value for error messages ("number NaN", "string 'x'"). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `string '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return `${typeof value} ${String(value)}`;
  }
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} of length ${(value as Uint8Array).length}`;
  if (typeof value === 'function') return 'function';
  return `object ${value.constructor?.name ?? 'Object'}`;
}

/** Throws E_ARG in sharp's style: "Expected <expected> for <name> but received <value>". */
export function argError(name: string, expected: string, received: unknown): VdsrError {
  return new VdsrError('E_ARG', `Expected ${expected} for ${name} but received ${describeValue(received)}`, {
    details: { option: name, value: received },
  });
}

export function abortError(signal: AbortSignal): VdsrError {
  return new VdsrError('E_ABORTED', 'The operation was aborted', { cause: signal.reason });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Validates an optional AbortSignal argument (anything with a boolean `aborted` and addEventListener). */
export function assertSignal(signal: unknown, name = 'signal'): asserts signal is AbortSignal | undefined {
  if (signal === undefined) return;
  const s = signal as Partial<AbortSignal> | null;
  if (typeof s?.aborted !== 'boolean' || typeof s.addEventListener !== 'function') {
    throw argError(name, 'an AbortSignal', signal);
  }
}
