import { argError, VdsrError } from '../errors.js';
import type { VdsrArchitecture } from './architecture.js';

const KEYS = ['name', 'depth', 'channels', 'kernelSize', 'residual'];

function isInt(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
}

/**
 * Checks that a value describes a VDSR network this library can build and returns it as a frozen
 * VdsrArchitecture (keys in canonical order). Throws E_ARG naming the offending field.
 */
export function validateArchitecture(arch: unknown, name = 'architecture'): VdsrArchitecture {
  if (typeof arch !== 'object' || arch === null || Array.isArray(arch)) {
    throw argError(name, 'an object { name, depth, channels, kernelSize, residual }', arch);
  }
  const a = arch as Record<string, unknown>;
  const extra = Object.keys(a).filter((k) => !KEYS.includes(k));
  if (extra.length > 0) {
    throw new VdsrError(
      'E_ARG',
      `Expected only the keys ${KEYS.join(', ')} in ${name} but received also ${extra.join(', ')}`,
    );
  }
  if (a.name !== 'vdsr') throw argError(`${name}.name`, "'vdsr'", a.name);
  // Depth 2 is the least with both a first (1 -> C) and a last (C -> 1) layer.
  if (!isInt(a.depth, 2)) throw argError(`${name}.depth`, 'an integer >= 2', a.depth);
  if (!isInt(a.channels, 1)) throw argError(`${name}.channels`, 'a positive integer', a.channels);
  // Odd, so that padding (k - 1) / 2 keeps every layer's output the size of its input.
  if (!isInt(a.kernelSize, 1) || a.kernelSize % 2 !== 1) {
    throw argError(`${name}.kernelSize`, 'an odd positive integer', a.kernelSize);
  }
  if (a.residual !== true) throw argError(`${name}.residual`, 'true', a.residual);
  return Object.freeze({
    name: 'vdsr',
    depth: a.depth,
    channels: a.channels,
    kernelSize: a.kernelSize,
    residual: true,
  });
}
