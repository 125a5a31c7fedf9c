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

/**
 * MATLAB's `ycbcr2rgb` uses inv(T) of the rounded matrix above, not BT.601's ideal inverse (the two
 * differ by up to ~3e-4 on 0..255), so the inverse is computed rather than written down.
 */
function invert(m: Matrix): Matrix {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
    [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
  ];
}

function scaled(m: Matrix, k: number): Matrix {
  const row = (r: Row): Row => [r[0] * k, r[1] * k, r[2] * k];
  return [row(m[0]), row(m[1]), row(m[2])];
}

// On the 0..255 scale both ways: rgb2ycbcr divides T by 255, ycbcr2rgb multiplies inv(T) by 255.
const TO_YCBCR = scaled(FORWARD, 1 / 255);
const TO_RGB = scaled(invert(FORWARD), 255);
const [Y_ROW, CB_ROW, CR_ROW] = TO_YCBCR;

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
 * MATLAB `ycbcr2rgb` on 0..255 doubles: writes channels 0..2 of every pixel of `out` (interleaved,
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
 * The luma plane (0..255, unrounded) that metrics and the network see. A grey image's luma is its grey
 * value, as the VDSR MATLAB test code uses it; RGB and RGBA go through `rgb2ycbcr` (alpha ignored).
 */
export function lumaPlane(image: ImageInput): Float32Array {
  const { width, height, channels, data } = toImage(image);
  const count = width * height;
  if (channels === 1) return Float32Array.from(data);
  const y = new Float32Array(count);
  for (let p = 0, i = 0; p < count; p++, i += channels) y[p] = luma(data[i]!, data[i + 1]!, data[i + 2]!);
  return y;
}
