import { assertPositiveInt } from './checks.js';
import { argError, VdsrError } from './errors.js';

export type Channels = 1 | 3 | 4;

/** 8-bit samples (0..255), or float32 samples on the same 0..255 scale (fractions allowed). */
export type PixelData = Uint8Array | Uint8ClampedArray | Float32Array;

/**
 * An interleaved image. Compatible with ImageData: an ImageData (no `channels`) is read as RGBA.
 * Grey = 1 channel, RGB = 3, RGBA = 4.
 */
export interface VdsrImage<D extends PixelData = PixelData> {
  readonly width: number;
  readonly height: number;
  readonly channels: Channels;
  readonly data: D;
}

/** What functions accept: a VdsrImage, or anything shaped like ImageData. */
export type ImageInput<D extends PixelData = PixelData> =
  | VdsrImage<D>
  | { readonly width: number; readonly height: number; readonly data: D; readonly channels?: undefined };

/** Validates an image argument and returns it as a VdsrImage (no copy). */
export function toImage<D extends PixelData>(input: ImageInput<D>, name = 'image'): VdsrImage<D> {
  if (typeof input !== 'object' || input === null) throw argError(name, 'an image object', input);
  const { width, height, data } = input;
  assertPositiveInt(width, `${name}.width`);
  assertPositiveInt(height, `${name}.height`);
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray || data instanceof Float32Array)) {
    throw argError(`${name}.data`, 'a Uint8Array, Uint8ClampedArray or Float32Array', data);
  }
  const channels = input.channels ?? 4;
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw argError(`${name}.channels`, '1 (grey), 3 (RGB) or 4 (RGBA)', channels);
  }
  const expected = width * height * channels;
  if (data.length !== expected) {
    throw new VdsrError(
      'E_ARG',
      `Expected ${name}.data of length ${expected} (${width} x ${height} x ${channels} channels) but received length ${data.length}`,
    );
  }
  return { width, height, channels, data };
}

/** A zeroed array of `like`'s kind (a Node Buffer gives a plain Uint8Array). */
export function newPixelData<D extends PixelData>(like: D, length: number): D {
  if (like instanceof Uint8ClampedArray) return new Uint8ClampedArray(length) as D;
  if (like instanceof Uint8Array) return new Uint8Array(length) as D;
  return new Float32Array(length) as D;
}
