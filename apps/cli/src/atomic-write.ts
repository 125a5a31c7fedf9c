import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { link, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { throwIfAborted, VdsrError } from '@vdsr/core';

/** Temporary files being written right now, so an interrupted process can remove them. */
const pending = new Set<string>();

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is an error and stays untouched. */
  readonly overwrite: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Writes `data` to `path` so that `path` is either untouched or complete: the bytes go to a temporary
 * file in the same directory (same filesystem, so the final step is an atomic rename or link).
 */
export function writeFileAtomic(path: string, data: Uint8Array, options: WriteOptions): Promise<void> {
  return writeAtomic(path, (temp) => writeFile(temp, data, { flag: 'wx', signal: options.signal }), options);
}

/**
 * writeFileAtomic for a writer that makes the file itself: `write` creates the temporary file it is
 * given (a new name in `path`'s directory) and resolves once it is complete.
 */
export async function writeAtomic(
  path: string,
  write: (temp: string) => Promise<unknown>,
  options: WriteOptions,
): Promise<void> {
  await removeStaleTempFiles(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    await write(temp);
    throwIfAborted(options.signal);
    if (options.overwrite) await rename(temp, path);
    else await linkWithoutClobber(temp, path);
  } finally {
    await rm(temp, { force: true });
    pending.delete(temp);
  }
}

/** link() fails when the target exists, so a file created meanwhile by someone else is never replaced. */
async function linkWithoutClobber(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(path);
    // Filesystems without hard links: check, then rename (a narrow race, but never a partial file).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (await exists(path)) throw existsError(path);
    await rename(temp, path);
  }
}

export function existsError(path: string): VdsrError {
  return new VdsrError('E_IO', `${path} already exists (pass --overwrite to replace it)`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * For an immediate exit: removes every temporary file still being written, and the ones its writer
 * made beside it (@vdsr/sharp's upscaleFile writes its own `.TEMP.PID-8HEX.tmp` files there, which it
 * removes on 'exit', an event that an exit by signal never emits).
 */
export function removePendingFilesSync(): void {
  for (const temp of pending) {
    rmSync(temp, { force: true });
    const own = `.${basename(temp)}.`;
    let names: string[] = [];
    try {
      names = readdirSync(dirname(temp));
    } catch {
      // The directory is gone: nothing left to remove.
    }
    for (const name of names) {
      if (name.startsWith(own) && TEMP_NAME.test(name)) rmSync(join(dirname(temp), name), { force: true });
    }
  }
  pending.clear();
}

// The temporary files writeFileAtomic makes: .NAME.PID-8HEX.tmp
const TEMP_NAME = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/;
const swept = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that a killed vdsr run (SIGKILL, a crash) left in `dir`: those whose
 * process is gone. Once per directory per run; a live process's files are never touched.
 */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(TEMP_NAME.exec(name)?.[1]);
    if (!pid || pid === process.pid || processAlive(pid)) continue;
    await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}
