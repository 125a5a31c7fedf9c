import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files in use right now, removed should the process exit meanwhile (process.exit()). */
const live = new Set<string>();

function removeLiveSync(): void {
  for (const path of live) rmSync(path, { force: true });
}

/** A new name beside `path`, in its directory so that a rename can finish the write: .NAME.PID-8HEX.tmp */
function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Runs `work` with `count` temporary file names beside `path` and removes those files afterwards,
 * whatever happens, or at exit if the process ends first.
 */
export async function withTempFiles<T>(
  path: string,
  count: number,
  work: (temps: string[]) => Promise<T>,
): Promise<T> {
  const temps = Array.from({ length: count }, () => tempBeside(path));
  if (live.size === 0) process.on('exit', removeLiveSync);
  for (const temp of temps) live.add(temp);
  try {
    return await work(temps);
  } finally {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    for (const temp of temps) live.delete(temp);
    if (live.size === 0) process.off('exit', removeLiveSync);
  }
}
