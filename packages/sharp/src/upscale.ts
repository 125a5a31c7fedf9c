import { type ResizeTarget, throwIfAborted } from '@vdsr/core';
import type { Metadata, Sharp } from 'sharp';
import { type CarrierStore, inMemory, outputColourspace, upscaleToCarrier } from './carrier.js';
import { checkInput, decode, readMetadata } from './decode.js';
import {
  type CheckedOptions,
  checkOptions,
  checkSharp,
  coreOptions,
  type SharpUpscaleOptions,
} from './options.js';
import { openSharp, vdsrErrors } from './sharp-call.js';
import { withUpscaler } from './upscaler.js';

/**
 * The shared path of upscale, upscaleBuffer and upscaleFile, once their arguments are checked: a
 * sharp instance of the upscaled image, opened from its carrier PNG in `store`.
 */
export function upscaleChecked(
  image: Sharp,
  meta: Metadata,
  target: ResizeTarget,
  options: CheckedOptions,
  store: CarrierStore = inMemory,
): Promise<Sharp> {
  checkInput(meta, options.limitInputPixels);
  return withUpscaler(options, async (upscaler) => {
    throwIfAborted(options.signal);
    const decoded = await decode(image, meta);
    // Decoding and encoding cannot be interrupted, so the signal is checked between them.
    throwIfAborted(options.signal);
    const carrier = await upscaleToCarrier(upscaler, decoded, target, coreOptions(options), store);
    throwIfAborted(options.signal);
    return openSharp(carrier, { limitInputPixels: false }).toColourspace(outputColourspace(decoded));
  });
}

/**
 * Upscales what `image` gives (its pipeline included) with VDSR and returns a new sharp instance of
 * the result to keep chaining. The image is turned upright first (EXIF orientation); alpha, grey,
 * 16-bit depth and the ICC profile, EXIF (orientation reset), XMP and density travel along: the new
 * instance behaves like a file holding them, so sharp's keepMetadata(), keepIccProfile() and friends
 * keep them. Its output keeps the input's greyness and bit depth; `.toColourspace('srgb')` overrides.
 */
export function upscale(image: Sharp, target: ResizeTarget, options?: SharpUpscaleOptions): Promise<Sharp> {
  return vdsrErrors(async () => {
    checkSharp(image);
    const checked = checkOptions(options);
    return upscaleChecked(image, await readMetadata(image), target, checked);
  });
}
