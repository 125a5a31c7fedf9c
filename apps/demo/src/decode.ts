import type { Channels } from '@vdsr/core';
import type { Pixels } from './protocol.js';
import { MAX_INPUT_PIXELS } from './settings.js';

/** A user-facing failure: its message is shown as it is. */
export class DemoError extends Error {}

/** The fewest channels that keep the image as it is: grey stays grey, alpha stays. */
function channelsOf(rgba: Uint8ClampedArray): Channels {
  let grey = true;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] !== 255) return 4;
    if (grey && (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2])) grey = false;
  }
  return grey ? 1 : 3;
}

export function fromRgba(rgba: Uint8ClampedArray, width: number, height: number): Pixels {
  const channels = channelsOf(rgba);
  if (channels === 4) return { width, height, channels, data: new Uint8Array(rgba) };
  const data = new Uint8Array(width * height * channels);
  for (let i = 0, j = 0; i < rgba.length; i += 4) {
    data[j++] = rgba[i]!;
    if (channels === 3) {
      data[j++] = rgba[i + 1]!;
      data[j++] = rgba[i + 2]!;
    }
  }
  return { width, height, channels, data };
}

export function toImageData({ width, height, channels, data }: Pixels): ImageData {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += channels) {
    rgba[i] = data[j]!;
    rgba[i + 1] = data[channels === 1 ? j : j + 1]!;
    rgba[i + 2] = data[channels === 1 ? j : j + 2]!;
    rgba[i + 3] = channels === 4 ? data[j + 3]! : 255;
  }
  return new ImageData(rgba, width, height);
}

/** Decodes a picked, dropped or pasted file, turned upright as its EXIF orientation says. */
export async function decodeImage(file: Blob): Promise<Pixels> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image', premultiplyAlpha: 'none' });
  } catch {
    throw new DemoError(`This file is not an image the browser can decode (${file.type || 'unknown type'}).`);
  }
  const { width, height } = bitmap;
  if (width * height > MAX_INPUT_PIXELS) {
    bitmap.close();
    throw new DemoError(
      `This image is ${width} x ${height} (${((width * height) / 1e6).toFixed(1)} MP); the demo takes up to ${MAX_INPUT_PIXELS / 1e6} MP.`,
    );
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return fromRgba(context.getImageData(0, 0, width, height).data, width, height);
}
