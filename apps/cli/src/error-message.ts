import { VdsrError } from '@vdsr/core';

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
};

/** One readable line for any error the CLI reports, without stack traces or libvips' noise. */
export function errorMessage(error: unknown): string {
  if (error instanceof VdsrError) return error.message;
  const errno = error as NodeJS.ErrnoException;
  if (errno?.code && FS_REASONS[errno.code]) {
    return `${errno.path ? `${errno.path}: ` : ''}${FS_REASONS[errno.code]}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  // libvips appends warnings line by line; the first line says what went wrong.
  return message.split('\n')[0]!.trim() || 'unknown error';
}
