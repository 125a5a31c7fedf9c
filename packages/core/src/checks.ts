import { argError } from './errors.js';

export function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** Throws E_ARG ("Expected a positive integer for <name> ...") unless `value` is one. */
export function assertPositiveInt(value: unknown, name: string): asserts value is number {
  if (!isPositiveInt(value)) throw argError(name, 'a positive integer', value);
}
