import { parseArgs } from 'node:util';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The placeholder shown in help for a string option, e.g. 'N'. */
  readonly value?: string;
  /** May be given several times; its value is then the list of strings. */
  readonly multiple?: boolean;
  /**
   * Makes a string option's value optional: given alone (`--ensemble`), it takes this value; the
   * next argument is its value only when it is a whole number (`--ensemble 4`) or joined (`--ensemble=4`).
   */
  readonly implicit?: string;
  /** A function for text that depends on the run (e.g. the registered backends), made when help is shown. */
  readonly description: string | (() => string);
}

export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

export interface ParsedArgs {
  readonly values: OptionValues;
  readonly positionals: readonly string[];
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** What follows `vdsr <name>` on the usage line. */
  readonly usage: string;
  readonly minPositionals: number;
  readonly maxPositionals: number;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Extra help text after the options (examples, notes). */
  readonly notes?: string;
  /** Runs with parsed arguments; returns the exit code. */
  run(args: ParsedArgs, signal: AbortSignal): Promise<number>;
}

/** A mistake on the command line: reported with the usage line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help' };

export function usageLine(command: Command): string {
  return `Usage: vdsr ${command.name} ${command.usage}`;
}

/** Parses argv for one command; returns undefined when help was asked for. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs | undefined {
  const options = { ...command.options, help: HELP };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: withImplicitValues(command.options, argv),
      options: Object.fromEntries(
        Object.entries(options).map(([name, o]) => [
          name,
          { type: o.type, multiple: o.multiple === true, ...(o.short ? { short: o.short } : {}) },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs' messages name the option and say what is wrong; drop its advice about '--' forms.
    throw new UsageError((error as Error).message.split('. To specify')[0] ?? String(error));
  }
  if (parsed.values.help === true) return undefined;
  const { positionals } = parsed;
  if (positionals.length < command.minPositionals) {
    throw new UsageError(
      `vdsr ${command.name} needs ${describeCount(command)}; received ${positionals.length}`,
    );
  }
  if (positionals.length > command.maxPositionals) {
    throw new UsageError(
      `vdsr ${command.name} takes ${describeCount(command)}; received ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  return { values: parsed.values as OptionValues, positionals };
}

/** argv with the implicit value joined to every option given without one (OptionSpec.implicit). */
function withImplicitValues(options: Command['options'], argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    const implicit = arg.startsWith('--') ? options[arg.slice(2)]?.implicit : undefined;
    if (implicit === undefined) args.push(arg);
    else if (/^\d+$/.test(argv[i + 1] ?? '')) args.push(`${arg}=${argv[++i]}`);
    else args.push(`${arg}=${implicit}`);
  }
  return args;
}

function describeCount(command: Command): string {
  const { minPositionals: min, maxPositionals: max } = command;
  if (max === 0) return 'no arguments';
  if (min === max) return `exactly ${min} argument${min === 1 ? '' : 's'}`;
  if (max === Number.POSITIVE_INFINITY) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}

export function formatCommandHelp(command: Command): string {
  const rows = Object.entries({ ...command.options, help: HELP }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return [flag, typeof o.description === 'function' ? o.description() : o.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = [
    usageLine(command),
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
  ];
  if (command.notes) lines.push('', command.notes);
  return `${lines.join('\n')}\n`;
}
