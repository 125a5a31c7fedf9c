import { describe, expect, it } from 'vitest';
import { type Command, formatCommandHelp, parseCommandArgs, UsageError } from './command.js';

const command: Command = {
  name: 'demo',
  summary: 'A demo command',
  usage: '<file> [--size N]',
  minPositionals: 1,
  maxPositionals: 2,
  options: {
    size: { type: 'string', short: 's', value: 'N', description: 'A size' },
    quiet: { type: 'boolean', description: 'Say less' },
    level: { type: 'string', value: '[N]', implicit: '8', description: 'A level' },
  },
  notes: 'Example:\n  vdsr demo a.png',
  run: async () => 0,
};

describe('parseCommandArgs', () => {
  it('returns options and positionals', () => {
    expect(parseCommandArgs(command, ['a.png', '-s', '3', '--quiet'])).toEqual({
      values: { size: '3', quiet: true },
      positionals: ['a.png'],
    });
  });

  it('returns undefined when help is asked for, even with other mistakes', () => {
    expect(parseCommandArgs(command, ['--help'])).toBeUndefined();
    expect(parseCommandArgs(command, ['-h'])).toBeUndefined();
  });

  it('throws UsageError for unknown options, missing values and wrong argument counts', () => {
    expect(() => parseCommandArgs(command, ['a.png', '--nope'])).toThrow(UsageError);
    expect(() => parseCommandArgs(command, ['a.png', '--size'])).toThrow(UsageError);
    expect(() => parseCommandArgs(command, [])).toThrow('vdsr demo needs 1 to 2 arguments; received 0');
    expect(() => parseCommandArgs(command, ['a', 'b', 'c'])).toThrow(
      'vdsr demo takes 1 to 2 arguments; received 3: a b c',
    );
  });
});

describe('an option with an implicit value', () => {
  it('takes it when given alone, and a whole number that follows or is joined as its own', () => {
    const values = (...argv: string[]) => parseCommandArgs(command, argv)!;
    expect(values('a.png', '--level')).toEqual({ values: { level: '8' }, positionals: ['a.png'] });
    expect(values('--level', 'a.png')).toEqual({ values: { level: '8' }, positionals: ['a.png'] });
    expect(values('--level', '--quiet', 'a.png').values).toEqual({ level: '8', quiet: true });
    expect(values('--level', '4', 'a.png')).toEqual({ values: { level: '4' }, positionals: ['a.png'] });
    expect(values('a.png', '--level=2').values).toEqual({ level: '2' });
    // After '--' everything is a positional.
    expect(values('a.png', '--', '--level')).toEqual({ values: {}, positionals: ['a.png', '--level'] });
    // Options without one still need their value.
    expect(() => values('a.png', '--size')).toThrow(UsageError);
  });
});

describe('formatCommandHelp', () => {
  it('shows the usage line, every option with its placeholder and the notes', () => {
    const lines = formatCommandHelp(command).split('\n');
    expect(lines[0]).toBe('Usage: vdsr demo <file> [--size N]');
    expect(lines).toContain('  -s, --size N     A size');
    expect(lines).toContain('      --quiet      Say less');
    expect(lines).toContain('      --level [N]  A level');
    expect(lines).toContain('  -h, --help       Show this help');
    expect(lines).toContain('  vdsr demo a.png');
  });
});
