import { access, constants, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { VdsrError } from '@vdsr/core';
import { existsError } from '../atomic-write.js';
import { UsageError } from '../command.js';
import { STDIN } from './read-input.js';

/** Where results go: next to each input, into a directory, or (one input only) to a named file. */
export type OutputTarget =
  | { readonly kind: 'beside-input' }
  | { readonly kind: 'directory'; readonly path: string }
  | { readonly kind: 'file'; readonly path: string };

/**
 * `-o` names a directory when it is one or ends with a separator; anything else is a file name,
 * which only makes sense for a single input.
 */
export async function outputTarget(option: string | undefined, inputCount: number): Promise<OutputTarget> {
  if (option === undefined) return { kind: 'beside-input' };
  const isDirectory = (await stat(option).catch(() => undefined))?.isDirectory() === true;
  if (isDirectory || option.endsWith('/') || option.endsWith(sep)) return { kind: 'directory', path: option };
  if (inputCount > 1) {
    throw new UsageError(
      `Expected -o to name a directory for ${inputCount} inputs but received '${option}', which is not one (end it with '/' to mean a directory)`,
    );
  }
  return { kind: 'file', path: option };
}

/** `NAME<label><ext>` beside the input or in the output directory (`stdin<label><ext>` for '-'); the file itself for a file target. */
export function outputPath(target: OutputTarget, input: string, label: string, extension: string): string {
  if (target.kind === 'file') return target.path;
  const stem = input === STDIN ? 'stdin' : basename(input, extname(input));
  const name = `${stem}${label}${extension}`;
  return join(target.kind === 'directory' ? target.path : dirname(input), name);
}

/** The real path of an existing file, else the absolute one. */
export async function canonicalPath(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

/** Canonical paths of every input of the batch, none of which may ever be written. */
export async function protectedPaths(inputs: readonly string[]): Promise<Set<string>> {
  return new Set(await Promise.all(inputs.map(canonicalPath)));
}

/**
 * Checks, before any work, that `output` may be written: not an input of the batch, not already
 * written by this batch, not an existing file unless overwriting, and in a writable directory.
 */
export async function checkOutput(
  output: string,
  options: { inputs: ReadonlySet<string>; written: ReadonlySet<string>; overwrite: boolean },
): Promise<void> {
  const key = await canonicalPath(output);
  if (options.inputs.has(key)) {
    throw new VdsrError('E_IO', `refusing to write ${output}: it is an input of this run`);
  }
  if (options.written.has(key)) {
    throw new VdsrError(
      'E_IO',
      `refusing to write ${output}: an earlier input of this run was written there`,
    );
  }
  const existing = await stat(output).catch(() => undefined);
  if (existing?.isDirectory()) throw new VdsrError('E_IO', `cannot write ${output}: it is a directory`);
  if (existing && !options.overwrite) throw existsError(output);
  const directory = dirname(output);
  const dirStats = await stat(directory).catch(() => undefined);
  if (!dirStats) throw new VdsrError('E_IO', `output directory ${directory} does not exist`);
  if (!dirStats.isDirectory())
    throw new VdsrError('E_IO', `output directory ${directory} is not a directory`);
  await access(directory, constants.W_OK).catch(() => {
    throw new VdsrError('E_IO', `output directory ${directory} is not writable`);
  });
}
