import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
}

/** The packages users install: every workspace package under packages/ and apps/ that is not private. */
export function publishablePackages(): WorkspacePackage[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(ROOT, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(ROOT, group, entry.name))
      .flatMap((dir) => {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        return pkg.private ? [] : [{ name: pkg.name as string, dir }];
      }),
  );
}

/** The READMEs whose code blocks the consumer test runs: the repository's and every publishable package's. */
export function readmes(): string[] {
  return [join(ROOT, 'README.md'), ...publishablePackages().map((p) => join(p.dir, 'README.md'))];
}
