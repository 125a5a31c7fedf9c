import { isVdsrError, VdsrError } from '@vdsr/core';
import sharp, { type Sharp, type SharpOptions } from 'sharp';

/** sharp's own failures (undecodable input, an encoder's limits) as VdsrError E_IO. */
export async function sharpCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new VdsrError('E_IO', `sharp could not ${what}: ${(error as Error).message}`, { cause: error });
  }
}

/** A sharp instance of an encoded image or a file; sharp's constructor throws synchronously (empty input...): E_IO. */
export function openSharp(input: Uint8Array | string, options: SharpOptions): Sharp {
  try {
    return sharp(input, options);
  } catch (error) {
    throw new VdsrError('E_IO', `sharp could not open the image: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Runs a public entry point so that it only ever rejects with VdsrError: anything else that escapes
 * is a bug here, E_INTERNAL with the original as `cause`.
 */
export async function vdsrErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isVdsrError(error)) throw error;
    throw new VdsrError('E_INTERNAL', `@vdsr/sharp failed unexpectedly: ${String(error)}`, { cause: error });
  }
}
