import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** index.html (its entry: src/main.ts), tsconfig.json (src/, for the browser) and tsconfig.node.json (the config). */
const TEMPLATE = join(import.meta.dirname, '../site');

/** A file of a README's Vite site, from a block that names it on its first line. */
export interface SiteFile {
  /** e.g. 'src/main.ts' */
  readonly path: string;
  readonly code: string;
  /** The block it comes from, e.g. 'packages/vite-plugin/README.md:37'. */
  readonly where: string;
}

/** Writes a README's Vite site into `dir`: the template, src/ (for the images too), the README's files. */
export function writeSite(dir: string, files: readonly SiteFile[]): void {
  cpSync(TEMPLATE, dir, { recursive: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (const { path, code } of files) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), code);
  }
}

/** The README blocks grouped into one site per README; two blocks naming one file are an error. */
export function groupSites<T extends SiteFile & { readonly readme: string }>(
  files: readonly T[],
): Map<string, T[]> {
  const sites = new Map<string, T[]>();
  for (const file of files) {
    const site = sites.get(file.readme) ?? [];
    const taken = site.find((f) => f.path === file.path);
    if (taken) throw new Error(`${file.where}: ${file.path} is already the block at ${taken.where}`);
    sites.set(file.readme, [...site, file]);
  }
  return sites;
}
