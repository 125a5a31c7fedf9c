import { assertPositiveInt } from '../checks.js';
import { argError, VdsrError } from '../errors.js';

/**
 * Validates a row-major float plane of `width` x `height` samples, as BackendSession.run and the
 * tiling take it; backends call it first so every one of them fails the same way.
 */
export function assertPlane(
  data: unknown,
  width: unknown,
  height: unknown,
  name = 'y',
): asserts data is Float32Array {
  assertPositiveInt(width, 'width');
  assertPositiveInt(height, 'height');
  if (!(data instanceof Float32Array)) throw argError(name, 'a Float32Array', data);
  if (data.length !== width * height) {
    throw new VdsrError(
      'E_ARG',
      `Expected ${name} of length ${width * height} (${width} x ${height}) but received length ${data.length}`,
    );
  }
}

/** Validates the SessionOptions every backend understands; backends may accept more keys. */
export function assertSessionOptions(options: unknown): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) throw argError('options', 'an object', options);
  const { threads } = options as { threads?: unknown };
  if (threads !== undefined) assertPositiveInt(threads, 'options.threads');
}
