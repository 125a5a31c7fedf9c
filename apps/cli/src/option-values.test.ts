import { describe, expect, it } from 'vitest';
import { UsageError } from './command.js';
import { choiceOption, intListOption, intOption, positiveOption } from './option-values.js';

describe('option values', () => {
  it('reads whole numbers with a minimum', () => {
    expect(intOption({ n: '12' }, 'n')).toBe(12);
    expect(intOption({}, 'n')).toBeUndefined();
    expect(intOption({ n: '0' }, 'n', 0)).toBe(0);
    for (const bad of ['0', '-1', '1.5', 'ten', '', '1e3']) {
      expect(() => intOption({ n: bad }, 'n'), bad).toThrow(UsageError);
    }
    expect(() => intOption({ n: 'x' }, 'n')).toThrow("Expected a whole number >= 1 for --n but received 'x'");
    expect(intOption({ n: '8' }, 'n', 2, 8)).toBe(8);
    expect(() => intOption({ n: '9' }, 'n', 2, 8)).toThrow(
      "Expected a whole number from 2 to 8 for --n but received '9'",
    );
  });

  it('reads positive numbers', () => {
    expect(positiveOption({ s: '1.5' }, 's')).toBe(1.5);
    for (const bad of ['0', '-2', 'NaN', 'Infinity', ' '])
      expect(() => positiveOption({ s: bad }, 's'), bad).toThrow(UsageError);
  });

  it('reads comma-separated lists', () => {
    expect(intListOption({ scale: '2,3, 4' }, 'scale', 2)).toEqual([2, 3, 4]);
    expect(() => intListOption({ scale: '2,,3' }, 'scale')).toThrow(UsageError);
    expect(() => intListOption({ scale: '1,2' }, 'scale', 2)).toThrow(UsageError);
    expect(() => intListOption({ scale: '2,9' }, 'scale', 2, 8)).toThrow(
      "Expected a whole number from 2 to 8 for --scale but received '9'",
    );
  });

  it('reads one of a set of choices, case-insensitively', () => {
    expect(choiceOption({ f: 'PNG' }, 'f', ['png', 'jpeg'])).toBe('png');
    expect(() => choiceOption({ f: 'bmp' }, 'f', ['png', 'jpeg'])).toThrow(
      "Expected one of png, jpeg for --f but received 'bmp'",
    );
  });
});
