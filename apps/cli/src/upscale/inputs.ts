import { readdir, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { notAFile, STDIN } from './read-input.js';

/** Extensions taken from a directory; files named explicitly or by a glob are tried whatever they are. */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.avif',
  '.tif',
  '.tiff',
  '.gif',
  '.heic',
  '.heif',
  '.jp2',
  '.svg',
]);

export interface InputProblem {
  /** The argument as the user typed it. */
  readonly input: string;
  readonly message: string;
}

export interface ExpandedInputs {
  /** Files to process, in argument order, each once. */
  readonly files: readonly string[];
  readonly problems: readonly InputProblem[];
}

/** Turns file, directory and glob arguments (and '-', stdin) into the list of files they name. */
export async function expandInputs(args: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  const add = (file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const input of args) {
    if (input === STDIN) {
      add(input);
      continue;
    }
    const stats = await stat(input).catch(() => undefined);
    if (stats?.isDirectory()) {
      const names = (await readdir(input, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && IMAGE_EXTENSIONS.has(extname(entry.name).toLowerCase()))
        .map((entry) => entry.name)
        .sort();
      if (names.length === 0) problems.push({ input, message: 'no image files in this directory' });
      for (const name of names) add(join(input, name));
    } else if (stats) {
      const reason = notAFile(stats);
      if (reason) problems.push({ input, message: reason });
      else add(input);
    } else if (isDynamicPattern(input)) {
      // Matches come back in the form of the pattern: absolute for an absolute one.
      const options = { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(input) };
      const matches = (await glob(input, options)).sort();
      if (matches.length === 0) problems.push({ input, message: 'no files match this pattern' });
      for (const match of matches) add(match);
    } else {
      problems.push({ input, message: 'no such file or directory' });
    }
  }
  return { files, problems };
}
