import { argError, VdsrError } from '../errors.js';
import { type ImageInput, type PixelData, toImage } from '../image.js';

type Row = readonly [number, number, number];
type Matrix = readonly [Row, Row, Row];

/** MATLAB `rgb2ycbcr`'s matrix (BT.601 studio range) for RGB on 0..1; rows give Y, Cb, Cr. */
const FORWARD: Matrix = [
  [65.481, 128.553, 24.966],
  [-37.797, -74.203, 112],
  [112, -93.786, -18.214],
];
const OFFSET: Row = [16, 128, 128];

// On 0..255 input rgb2ycbcr uses T / 255, computed as (1 / 255) * T.
const perLevel = (row: Row): Row => [row[0] * (1 / 255), row[1] * (1 / 255), row[2] * (1 / 255)];
const Y_ROW = perLevel(FORWARD[0]);
const CB_ROW = perLevel(FORWARD[1]);
const CR_ROW = perLevel(FORWARD[2]);

/**
 * BT.601's analytic inverse (Kr 0.299, Kb 0.114, Y on 219 levels, Cb and Cr on 224), on 0..255, as
 * the golden data's ycbcr2rgb and training/vdsr_train/colour.py compute it. It is not the exact
 * inverse of the rounded FORWARD matrix: the two differ by up to 2.8e-4 on 0..255.
 */
const KR = 0.299;
const KB = 0.114;
const KG = 1 - KR - KB;
const Y_SCALE = 255 / 219;
const C_SCALE = 255 / 224;
const TO_RGB: Matrix = [
  [Y_SCALE, 0, C_SCALE * 2 * (1 - KR)],
  [Y_SCALE, (-C_SCALE * 2 * (1 - KB) * KB) / KG, (-C_SCALE * 2 * (1 - KR) * KR) / KG],
  [Y_SCALE, C_SCALE * 2 * (1 - KB), 0],
];

function luma(r: number, g: number, b: number): number {
  return OFFSET[0] + Y_ROW[0] * r + Y_ROW[1] * g + Y_ROW[2] * b;
}

function checkPixels(data: unknown, pixelCount: unknown, stride: unknown): asserts data is PixelData {
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray || data instanceof Float32Array)) {
    throw argError('data', 'a Uint8Array, Uint8ClampedArray or Float32Array', data);
  }
  if (typeof pixelCount !== 'number' || !Number.isInteger(pixelCount) || pixelCount < 0) {
    throw argError('pixelCount', 'a non-negative integer', pixelCount);
  }
  if (stride !== 3 && stride !== 4) throw argError('stride', '3 (RGB) or 4 (RGBA)', stride);
  if (data.length !== pixelCount * stride) {
    throw new VdsrError(
      'E_ARG',
      `Expected data of length ${pixelCount * stride} (${pixelCount} pixels x ${stride}) but received length ${data.length}`,
    );
  }
}

/**
 * MATLAB `rgb2ycbcr` on 0..255 doubles: interleaved RGB(A) to Y, Cb, Cr planes on 0..255, unrounded
 * (Y in 16..235, Cb and Cr in 16..240 for in-range input). Alpha, when present, is skipped.
 */
export function rgbToYcbcrPlanes(
  data: PixelData,
  pixelCount: number,
  stride: 3 | 4,
): { y: Float32Array; cb: Float32Array; cr: Float32Array } {
  checkPixels(data, pixelCount, stride);
  const y = new Float32Array(pixelCount);
  const cb = new Float32Array(pixelCount);
  const cr = new Float32Array(pixelCount);
  for (let p = 0, i = 0; p < pixelCount; p++, i += stride) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    y[p] = luma(r, g, b);
    cb[p] = OFFSET[1] + CB_ROW[0] * r + CB_ROW[1] * g + CB_ROW[2] * b;
    cr[p] = OFFSET[2] + CR_ROW[0] * r + CR_ROW[1] * g + CR_ROW[2] * b;
  }
  return { y, cb, cr };
}

/**
 * BT.601 YCbCr to RGB on 0..255 (see TO_RGB): writes channels 0..2 of every pixel of `out` (interleaved,
 * `stride` samples a pixel), unclamped so callers choose how to round; channel 3 is left as it is.
 */
export function ycbcrPlanesToRgb(
  y: Float32Array,
  cb: Float32Array,
  cr: Float32Array,
  out: Float32Array,
  stride: 3 | 4,
): void {
  if (!(y instanceof Float32Array)) throw argError('y', 'a Float32Array', y);
  if (!(cb instanceof Float32Array) || cb.length !== y.length) {
    throw argError('cb', `a Float32Array of length ${y.length} (as y)`, cb);
  }
  if (!(cr instanceof Float32Array) || cr.length !== y.length) {
    throw argError('cr', `a Float32Array of length ${y.length} (as y)`, cr);
  }
  if (stride !== 3 && stride !== 4) throw argError('stride', '3 (RGB) or 4 (RGBA)', stride);
  if (!(out instanceof Float32Array) || out.length !== y.length * stride) {
    throw argError(
      'out',
      `a Float32Array of length ${y.length * stride} (${y.length} pixels x ${stride})`,
      out,
    );
  }
  const [[rY, rCb, rCr], [gY, gCb, gCr], [bY, bCb, bCr]] = TO_RGB;
  for (let p = 0, i = 0; p < y.length; p++, i += stride) {
    const ly = y[p]! - OFFSET[0];
    const lb = cb[p]! - OFFSET[1];
    const lr = cr[p]! - OFFSET[2];
    out[i] = rY * ly + rCb * lb + rCr * lr;
    out[i + 1] = gY * ly + gCb * lb + gCr * lr;
    out[i + 2] = bY * ly + bCb * lb + bCr * lr;
  }
}

/**
 * The luma plane (0..255, unrounded) the network sees. A grey image's luma is its grey value, as the
 * VDSR MATLAB test code uses it; RGB and RGBA go through `rgb2ycbcr` (alpha ignored). The metrics
 * round it for 8-bit images (see metricLumaPlane).
 */
export function lumaPlane(image: ImageInput): Float32Array {
  const { width, height, channels, data } = toImage(image);
  const count = width * height;
  if (channels === 1) return Float32Array.from(data);
  const y = new Float32Array(count);
  for (let p = 0, i = 0; p < count; p++, i += channels) y[p] = luma(data[i]!, data[i + 1]!, data[i + 2]!);
  return y;
}
