/** Every error thrown by vdsr packages carries one of these codes. */
export type VdsrErrorCode =
  | 'E_ARG' // a bad argument: the message says what was expected and what was received
  | 'E_WEIGHTS' // a weights file that cannot be used
  | 'E_BACKEND' // no backend could run, or a backend failed
  | 'E_ABORTED' // the caller's AbortSignal fired
  | 'E_LIMIT' // an image or a buffer passes a stated limit
  | 'E_IO' // reading or writing a file failed
  | 'E_INTERNAL'; // a bug in vdsr

/** The one error class of vdsr: check `code` rather than the message. */
export class VdsrError extends Error {
  readonly code: VdsrErrorCode;

  constructor(code: VdsrErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VdsrError';
    this.code = code;
  }
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
  return new VdsrError('E_ARG', `Expected ${expected} for ${name} but received ${describeValue(received)}`);
}

export function abortError(signal: AbortSignal): VdsrError {
  return new VdsrError('E_ABORTED', 'The operation was aborted', { cause: signal.reason });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}
