import { type OptionValues, UsageError } from './command.js';

/** The string value of an option, or undefined when absent. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable option, in order; empty when absent. */
export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : [];
}

/** A whole number from min (1 by default) to max, or undefined when the option is absent. */
export function intOption(
  values: OptionValues,
  name: string,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  return parseInteger(name, raw, min, max);
}

function parseInteger(name: string, raw: string, min: number, max: number): number {
  const value = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`Expected a whole number ${range} for --${name} but received '${raw}'`);
  }
  return value;
}

/** A finite number > 0, or undefined when the option is absent. */
export function positiveOption(values: OptionValues, name: string): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`Expected a number > 0 for --${name} but received '${raw}'`);
  }
  return value;
}

/** A comma-separated list of whole numbers from min to max, e.g. '2,3,4'. */
export function intListOption(
  values: OptionValues,
  name: string,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number[] | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const parts = raw.split(',');
  if (parts.some((p) => !/^\s*\d+\s*$/.test(p))) {
    throw new UsageError(
      `Expected comma-separated whole numbers for --${name} (e.g. 2,3,4) but received '${raw}'`,
    );
  }
  return parts.map((p) => parseInteger(name, p, min, max));
}

/** One value of a fixed set, or undefined when the option is absent. */
export function choiceOption<T extends string>(
  values: OptionValues,
  name: string,
  choices: readonly T[],
): T | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const value = raw.toLowerCase();
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`Expected one of ${choices.join(', ')} for --${name} but received '${raw}'`);
  }
  return value as T;
}
