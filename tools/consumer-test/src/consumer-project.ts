import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { NpmInstall } from './readme-blocks.js';
import { run } from './run.js';
import { publishablePackages, ROOT } from './workspace.js';

/** npm talks to its registry only, and quietly. */
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

export interface ConsumerProject {
  /** The temporary directory that holds everything below; removed by the caller. */
  readonly root: string;
  /** The npm project the scripts and README blocks run in. */
  readonly dir: string;
  /** Package name -> packed tarball. */
  readonly tarballs: ReadonlyMap<string, string>;
}

/** `pnpm pack`s every publishable package (workspace: versions resolved) into a fresh temporary project. */
export async function createConsumerProject(): Promise<ConsumerProject> {
  assertBuiltFirst();
  const root = mkdtempSync(join(tmpdir(), 'vdsr-consumer-'));
  const packs = join(root, 'packs');
  const dir = join(root, 'project');
  mkdirSync(packs);
  cpSync(join(import.meta.dirname, '../project'), dir, { recursive: true });
  const tarballs = new Map<string, string>();
  for (const { name, dir: packageDir } of publishablePackages()) {
    const before = new Set(readdirSync(packs));
    await run('pnpm', ['pack', '--pack-destination', packs], { cwd: packageDir });
    const made = readdirSync(packs).filter((f) => !before.has(f));
    if (made.length !== 1) throw new Error(`pnpm pack of ${name} made ${made.join(', ') || 'nothing'}`);
    tarballs.set(name, join(packs, made[0]!));
  }
  // Until they are on the registry, a vdsr package's dependency on another (@vdsr/sharp on
  // @vdsr/weights) must come from its tarball too.
  // Relative, as npm writes a direct dependency on one; an override that differs from it is an error.
  const overrides = Object.fromEntries([...tarballs].map(([name, path]) => [name, fileSpec(dir, path)]));
  const pkg = { name: 'vdsr-consumer', private: true, type: 'module', overrides };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return { root, dir, tarballs };
}

/** Turbo builds a package before this test only if the test depends on it. */
function assertBuiltFirst(): void {
  const own = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'));
  const missing = publishablePackages().filter((p) => own.devDependencies?.[p.name] !== 'workspace:*');
  if (missing.length > 0) {
    const names = missing.map((p) => `"${p.name}": "workspace:*"`).join(', ');
    throw new Error(
      `tools/consumer-test/package.json must list ${names} in devDependencies, so that turbo builds them before this test packs them`,
    );
  }
}

/**
 * Runs a README's `npm install` in the project as written, with the vdsr packages taken from their
 * tarballs (not yet on the registry). A global install could not take them from there: its block
 * must be marked as not run.
 */
export async function npmInstall(project: ConsumerProject, install: NpmInstall): Promise<string> {
  const args = install.args.flatMap((arg) => {
    const tarball = project.tarballs.get(arg);
    if (tarball) return [fileSpec(project.dir, tarball)];
    if (arg.startsWith('@vdsr/')) throw new Error(`${install.text}: ${arg} is not a publishable package`);
    if (arg === '--global' || arg === '-g') throw new Error(`${install.text}: a global install`);
    return [arg];
  });
  return run('npm', ['install', ...NPM_FLAGS, ...args], { cwd: project.dir, env: install.env });
}

const fileSpec = (from: string, path: string) => `file:${relative(from, path)}`;

/** The workspace's version range of a dependency, so that npm installs what the tests here ran with. */
function workspaceRange(name: string): string {
  for (const dir of [ROOT, ...publishablePackages().map((p) => p.dir)]) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const range = pkg.devDependencies?.[name] ?? pkg.dependencies?.[name];
    if (range) return `${name}@${range}`;
  }
  throw new Error(`${name} is not a dependency of the workspace`);
}

/**
 * Everything the scripts here need beside what the READMEs installed: every tarball, sharp,
 * TypeScript, and Vite for the READMEs' Vite sites (the workspace's, which the vite-plugin's tests ran).
 */
export async function completeInstall(project: ConsumerProject): Promise<void> {
  await npmInstall(project, {
    env: { ONNXRUNTIME_NODE_INSTALL: 'skip' },
    args: [
      ...project.tarballs.keys(),
      ...['sharp', 'onnxruntime-node', 'typescript', '@types/node', 'vite'].map(workspaceRange),
    ],
    text: 'the consumer test’s own install',
  });
}
