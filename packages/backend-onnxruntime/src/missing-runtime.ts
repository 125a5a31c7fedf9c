/**
 * Whether `error` (or an error in its `cause` chain: bundlers and test runners wrap it) is Node's
 * "cannot find" for the package `name` itself. A package that is there but fails to load (a missing
 * dependency of its own, a native library that does not link) is a different problem, so it does not
 * count.
 */
export function isMissingPackage(error: unknown, name: string): boolean {
  const quoted = new RegExp(`['"]${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`);
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const { code } = e as { code?: unknown };
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && quoted.test(e.message))
      return true;
  }
  return false;
}
