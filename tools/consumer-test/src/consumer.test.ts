import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsumerProject,
  completeInstall,
  createConsumerProject,
  npmInstall,
} from './consumer-project.js';
import { type CodeBlock, fileCodeBlocks, npmInstalls, PROGRAM_LANGS } from './readme-blocks.js';
import { run } from './run.js';
import { ROOT, readmes } from './workspace.js';

/**
 * The packages as a user gets them. Every publishable package is packed; in a fresh npm project,
 * the READMEs' `npm install` commands run first, as written (the vdsr names taken from the tarballs),
 * then the rest this test needs (sharp, TypeScript). There: ESM and CommonJS scripts, `tsc` under
 * moduleResolution node16 and bundler, the CLI, and every code block of the READMEs.
 *
 * README blocks: `ts`/`js` blocks run as programs (TypeScript is type-checked with the project's
 * tsconfig.node16.json, then run as emitted), with the project as working directory; it holds
 * `photo.jpg`, `icon.png` and `scan.png` (small generated images, project/images.mjs), and the weights
 * come from `@vdsr/weights`. Of `sh` blocks, the `npm install` lines run; their other lines are
 * commands for a checkout of the repository or for after the install. A block not meant to run says
 * so on the line before its fence: `<!-- not run: reason -->`.
 *
 * Set VDSR_CONSUMER_KEEP=1 to keep the temporary project (its path is printed).
 */

interface ReadmeBlock extends CodeBlock {
  /** e.g. 'packages/core/README.md:42' */
  readonly where: string;
  /** Its file in the project: readme/<package>-<line>.ts or .mjs. */
  readonly file: string;
}

const blocks: ReadmeBlock[] = readmes().flatMap((readme) => {
  const name = relative(ROOT, dirname(readme)).replace(/^(packages|apps)\//, '') || 'root';
  return fileCodeBlocks(readme).map((block) => ({
    ...block,
    where: `${relative(ROOT, readme)}:${block.line}`,
    file: `readme/${name}-${block.line}.${PROGRAM_LANGS[block.lang] === 'ts' ? 'ts' : 'mjs'}`,
  }));
});
const programs = blocks.filter((b) => PROGRAM_LANGS[b.lang] && !b.notRun);
const installs = blocks.filter((b) => b.lang === 'sh' && !b.notRun).flatMap((b) => npmInstalls(b.code));

let project: ConsumerProject;
/** tsc's complaints under node16 (which also emits the README blocks' JavaScript); '' for none. */
let node16Errors: string;
const node = (script: string) => run(process.execPath, [script], { cwd: project.dir, timeoutMs: 120_000 });
const tsc = (config: string) =>
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], { cwd: project.dir });

beforeAll(async () => {
  project = await createConsumerProject();
  if (process.env.VDSR_CONSUMER_KEEP) console.log(`consumer project: ${project.dir}`);
  for (const install of installs) await npmInstall(project, install);
  await completeInstall(project);
  for (const block of programs) {
    mkdirSync(join(project.dir, dirname(block.file)), { recursive: true });
    writeFileSync(join(project.dir, block.file), block.code);
  }
  await node('images.mjs');
  node16Errors = await tsc('tsconfig.node16.json').then(
    () => '',
    (error: Error) => error.message,
  );
});

afterAll(() => {
  if (project && !process.env.VDSR_CONSUMER_KEEP) rmSync(project.root, { recursive: true, force: true });
});

describe('packed packages in a fresh npm project', () => {
  it('run from ESM: auto picks onnxruntime, which matches the reference backend', async () => {
    expect(JSON.parse(await node('esm.mjs'))).toMatchObject({ backend: 'onnxruntime' });
  });

  it('run from CommonJS: the same', async () => {
    expect(JSON.parse(await node('cjs.cjs'))).toMatchObject({ backend: 'onnxruntime' });
  });

  it('share one registry and one VdsrError between the CJS and ESM builds of the core', async () => {
    expect(await node('dual.mjs')).toBe('ok\n');
  });

  it('name the runtime to install when it is missing (onnxruntime-web is not installed here)', async () => {
    expect(existsSync(join(project.dir, 'node_modules/onnxruntime-web'))).toBe(false);
    expect(await node('web-missing.mjs')).toContain('onnxruntime-web is not installed');
  });

  it('type-check under moduleResolution node16', () => {
    expect(node16Errors).toBe('');
  });

  it('type-check under moduleResolution bundler', async () => {
    await tsc('tsconfig.bundler.json');
  });

  it('run the CLI', async () => {
    const vdsr = join(project.dir, 'node_modules/.bin/vdsr');
    expect(await run(vdsr, ['--version'], { cwd: project.dir })).toMatch(/^\d+\.\d+\.\d+/);
    await run(vdsr, ['upscale', 'icon.png', '--scale', '2', '-o', 'icon-cli.png'], { cwd: project.dir });
    expect(existsSync(join(project.dir, 'icon-cli.png'))).toBe(true);
  });
});

describe('README code blocks', () => {
  it('are each a program, a shell block or marked as not run', () => {
    const unknown = blocks.filter((b) => !b.notRun && !PROGRAM_LANGS[b.lang] && b.lang !== 'sh');
    expect(unknown.map((b) => `${b.where} (${b.lang || 'no language'})`)).toEqual([]);
    expect(programs.length).toBeGreaterThan(5);
    expect(installs.length).toBeGreaterThan(0);
  });

  it.each(programs.map((b) => [b.where, b]))('%s runs', async (_where, block) => {
    const b = block as ReadmeBlock;
    if (PROGRAM_LANGS[b.lang] === 'ts') {
      const own = node16Errors.split('\n').filter((line) => line.startsWith(b.file));
      expect(own, `${b.where} type-checks`).toEqual([]);
      await node(join('out', b.file.replace(/\.ts$/, '.js')));
    } else {
      await node(b.file);
    }
  });
});
