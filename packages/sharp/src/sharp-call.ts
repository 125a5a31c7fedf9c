import { VdsrError } from '@vdsr/core';

/** sharp's own failures (undecodable input, an encoder's limits) as VdsrError E_IO. */
export async function sharpCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new VdsrError('E_IO', `sharp could not ${what}: ${(error as Error).message}`, { cause: error });
  }
}
