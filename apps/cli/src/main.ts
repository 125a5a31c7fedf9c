import { readFileSync } from 'node:fs';
import { removePendingFilesSync } from './atomic-write.js';
import { type Command, formatCommandHelp, parseCommandArgs, UsageError, usageLine } from './command.js';
import { benchCommand } from './commands/bench.js';
import { compareCommand } from './commands/compare.js';
import { evalCommand } from './commands/eval.js';
import { infoCommand } from './commands/info.js';
import { upscaleCommand } from './commands/upscale.js';
import { errorMessage } from './error-message.js';
import { type InterruptSignal, listenForInterrupt } from './interrupt.js';

export const USAGE_EXIT_CODE = 2;

const COMMANDS: readonly Command[] = [upscaleCommand, evalCommand, compareCommand, infoCommand, benchCommand];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: vdsr <command> [options]',
    '',
    'VDSR super-resolution (Kim, Lee & Lee, CVPR 2016) from the command line.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also: vdsr <command> --help)',
    '  -v, --version  Show the version',
    '',
    'Exit codes: 0 success, 1 a file or the run failed, 2 usage error, 130/143/129 interrupted by',
    'SIGINT/SIGTERM/SIGHUP (all three stop the run cleanly; a second one stops it at once).',
    '',
  ].join('\n');
}

/** How a run ended: its exit code, or the signal that interrupted it (the process should end by it). */
export type Outcome = number | InterruptSignal;

function interrupted(signal: InterruptSignal): Outcome {
  process.stderr.write(`vdsr: interrupted (${signal})\n`);
  return signal;
}

/** Runs the CLI on `argv` (without node and the script) and resolves to how it ended. */
export async function main(argv: readonly string[]): Promise<Outcome> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(generalHelp());
    return USAGE_EXIT_CODE;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(generalHelp());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const wanted = name === 'help' ? rest[0] : name;
  if (wanted === undefined) {
    process.stdout.write(generalHelp());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === wanted);
  if (!command) {
    process.stderr.write(`vdsr: unknown command '${wanted}'\n\n${generalHelp()}`);
    return USAGE_EXIT_CODE;
  }
  if (name === 'help') {
    process.stdout.write(formatCommandHelp(command));
    return 0;
  }
  const interrupt = listenForInterrupt(removePendingFilesSync);
  try {
    const args = parseCommandArgs(command, rest);
    if (!args) {
      process.stdout.write(formatCommandHelp(command));
      return 0;
    }
    const code = await command.run(args, interrupt.signal);
    return interrupt.received ? interrupted(interrupt.received) : code;
  } catch (error) {
    if (interrupt.received) return interrupted(interrupt.received);
    if (error instanceof UsageError) {
      process.stderr.write(`vdsr ${command.name}: ${error.message}\n${usageLine(command)}\n`);
      process.stderr.write(`Run 'vdsr ${command.name} --help' for the options.\n`);
      return USAGE_EXIT_CODE;
    }
    process.stderr.write(`vdsr ${command.name}: ${errorMessage(error)}\n`);
    return 1;
  } finally {
    interrupt.dispose();
  }
}
