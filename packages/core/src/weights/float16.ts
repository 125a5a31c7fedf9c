import { argError } from '../errors.js';

/** Round half to even, for the non-negative values the encoder hands it. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d !== 0.5) return d < 0.5 ? f : f + 1;
  return f % 2 === 0 ? f : f + 1;
}

const MIN_NORMAL = 2 ** -14;
// Halfway between float16's largest finite value (65504) and 2^16: from here on it rounds to infinity.
const OVERFLOW = 65520;

/** IEEE binary16 bits of a number, rounded once to nearest even (no double rounding via float32). */
function encode(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  if (a >= OVERFLOW) return sign | 0x7c00;
  // Subnormal: multiples of 2^-24. A carry to 1024 is exactly the smallest normal's bit pattern.
  if (a < MIN_NORMAL) return sign | roundHalfEven(a * 2 ** 24);
  let e = Math.floor(Math.log2(a));
  // log2 can be off by one next to powers of two.
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  // a / 2^e is exact and in [1, 2); a mantissa carry to 1024 rolls into the exponent as it should.
  const mantissa = roundHalfEven((a / 2 ** e - 1) * 1024);
  return sign | (((e + 15) << 10) + mantissa);
}

function decode(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1024 + mantissa) * 2 ** (exponent - 25);
}

/**
 * The IEEE binary16 bit pattern nearest to `value` (ties to even), as safetensors' F16 stores it:
 * subnormals kept, |value| >= 65520 gives infinity, NaN gives the quiet NaN 0x7e00.
 */
export function encodeFloat16(value: number): number {
  if (typeof value !== 'number') throw argError('value', 'a number', value);
  return encode(value);
}

/** The value of an IEEE binary16 bit pattern (an integer 0..0xffff). */
export function decodeFloat16(bits: number): number {
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 0 || bits > 0xffff) {
    throw argError('bits', 'an integer from 0 to 65535', bits);
  }
  return decode(bits);
}

/** encodeFloat16 over a whole array. */
export function encodeFloat16Array(values: Float32Array): Uint16Array {
  if (!(values instanceof Float32Array)) throw argError('values', 'a Float32Array', values);
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = encode(values[i]!);
  return out;
}

/** decodeFloat16 over a whole array. */
export function decodeFloat16Array(bits: Uint16Array): Float32Array {
  if (!(bits instanceof Uint16Array)) throw argError('bits', 'a Uint16Array', bits);
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = decode(bits[i]!);
  return out;
}
