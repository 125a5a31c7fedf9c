import { describeValue, VdsrError } from '../errors.js';

/**
 * What an engine gave back for a tile of `length` samples, checked: a Float32Array of that length,
 * else E_BACKEND saying what came instead.
 */
export function assertTileOutput(output: unknown, length: number, backend: string): Float32Array {
  if (!(output instanceof Float32Array) || output.length !== length) {
    throw new VdsrError(
      'E_BACKEND',
      `Expected a Float32Array of length ${length} from ${backend} but received ${describeValue(output)}`,
    );
  }
  return output;
}

/** An engine's failure on a width x height tile as E_BACKEND with the cause; a VdsrError is kept as it is. */
export function tileRunError(error: unknown, backend: string, width: number, height: number): VdsrError {
  if (error instanceof VdsrError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new VdsrError('E_BACKEND', `${backend} failed to run a ${width} x ${height} tile: ${text}`, {
    cause: error,
  });
}
