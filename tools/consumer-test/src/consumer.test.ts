import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsumerProject,
  completeInstall,
  createConsumerProject,
  npmInstall,
} from './consumer-project.js';
import { pngSize } from './png.js';
import { type CodeBlock, fileCodeBlocks, npmInstalls, PROGRAM_LANGS, siteFile } from './readme-blocks.js';
import { run } from './run.js';
import { groupSites, writeSite } from './vite-site.js';
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
 * come from `@vdsr/weights`. A `ts`/`js` block whose first line names a file of a Vite site
 * (`// vite.config.ts`, `// src/main.ts`) is that file of its README's site instead: sites are
 * type-checked for the browser and built with `vite build`. Of `sh` blocks, the `npm install` lines
 * run; their other lines are commands for a checkout of the repository or for after the install. A
 * block not meant to run says so on the line before its fence: `<!-- not run: reason -->`. What a
 * README must do to pass: tools/consumer-test/README.md.
 *
 * Set VDSR_CONSUMER_KEEP=1 to keep the temporary project (its path is printed).
 */

const GUIDE = 'see tools/consumer-test/README.md';

interface ReadmeBlock extends CodeBlock {
  /** e.g. 'packages/core/README.md:42' */
  readonly where: string;
  /** The README's short name: 'root', or its package's directory ('core', 'vite-plugin'). */
  readonly readme: string;
  /** Its file in the project: readme/<readme>-<line>.ts or .mjs. */
  readonly file: string;
  /** The file of its README's Vite site it is, named by its first line (`src/main.ts`). */
  readonly path?: string;
}

const blocks: ReadmeBlock[] = readmes().flatMap((readme) => {
  const name = relative(ROOT, dirname(readme)).replace(/^(packages|apps)\//, '') || 'root';
  return fileCodeBlocks(readme).map((block) => ({
    ...block,
    where: `${relative(ROOT, readme)}:${block.line}`,
    readme: name,
    file: `readme/${name}-${block.line}.${PROGRAM_LANGS[block.lang] === 'ts' ? 'ts' : 'mjs'}`,
    ...(siteFile(block) ? { path: siteFile(block) } : {}),
  }));
});
const toRun = blocks.filter((b) => !b.notRun);
const programs = toRun.filter((b) => PROGRAM_LANGS[b.lang] && !b.path);
const installs = toRun.filter((b) => b.lang === 'sh').flatMap((b) => npmInstalls(b.code));
/** README -> the blocks that are files of its Vite site. */
const sites = groupSites(toRun.flatMap((b) => (b.path ? [{ ...b, path: b.path }] : [])));
const siteDir = (readme: string) => join(project.dir, 'sites', readme);

let project: ConsumerProject;
/** tsc's complaints under node16 (which also emits the README blocks' JavaScript); '' for none. */
let node16Errors: string;
const node = (script: string) => run(process.execPath, [script], { cwd: project.dir, timeoutMs: 120_000 });
const tsc = (config: string, cwd = project.dir) =>
  run(process.execPath, [join(project.dir, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd });

/**
 * Each site's tsc complaints, of its sources (tsconfig.json) and of its config where it has one
 * (tsconfig.node.json); '' for none.
 */
const siteErrors = new Map<string, Promise<string>>();
function siteTypeErrors(readme: string): Promise<string> {
  const check = async (config: string) =>
    tsc(config, siteDir(readme)).then(
      () => '',
      (error: Error) => error.message,
    );
  const hasConfig = sites.get(readme)!.some((f) => f.path.startsWith('vite.config.'));
  const configs = ['tsconfig.json', ...(hasConfig ? ['tsconfig.node.json'] : [])];
  const errors = siteErrors.get(readme) ?? Promise.all(configs.map(check)).then((e) => e.join(''));
  siteErrors.set(readme, errors);
  return errors;
}

/** `vite build` of each site, once (the project's Vite, as `npx vite build` runs it): its dist/ folder. */
const siteBuilds = new Map<string, Promise<string>>();
function buildSite(readme: string): Promise<string> {
  const dir = siteDir(readme);
  const vite = join(project.dir, 'node_modules/vite/bin/vite.js');
  const built =
    siteBuilds.get(readme) ??
    run(process.execPath, [vite, 'build'], { cwd: dir }).then(() => join(dir, 'dist'));
  siteBuilds.set(readme, built);
  return built;
}

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
  for (const [readme, files] of sites) {
    writeSite(siteDir(readme), files);
    await run(process.execPath, [join(project.dir, 'images.mjs')], { cwd: join(siteDir(readme), 'src') });
  }
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
    const unknown = toRun.filter((b) => !PROGRAM_LANGS[b.lang] && b.lang !== 'sh');
    expect(
      unknown.map((b) => `${b.where} (${b.lang || 'no language'})`),
      `a block is ts/js (a program, or a Vite site's file), sh (its npm install lines run), or has <!-- not run: reason --> on the line before its fence; ${GUIDE}`,
    ).toEqual([]);
    expect(programs.length).toBeGreaterThan(5);
    expect(installs.length).toBeGreaterThan(0);
  });

  it.each(programs.map((b) => [b.where, b]))('%s runs', async (_where, block) => {
    const b = block as ReadmeBlock;
    if (PROGRAM_LANGS[b.lang] === 'ts') {
      const own = node16Errors.split('\n').filter((line) => line.startsWith(b.file));
      expect(
        own,
        `${b.where} type-checks as a Node program (${b.file}, tsconfig.node16.json); code for the browser starts with // src/<file>.ts; ${GUIDE}`,
      ).toEqual([]);
      await node(join('out', b.file.replace(/\.ts$/, '.js')));
    } else {
      await node(b.file);
    }
  });
});

describe.each([...sites.keys()])('the Vite site of the %s README', (readme) => {
  const files = sites.get(readme)!;

  it.each(files.map((f) => [`${f.where} (${f.path})`, f]))('%s type-checks', async (_where, file) => {
    const { path } = file as (typeof files)[number];
    const own = (await siteTypeErrors(readme)).split('\n').filter((line) => line.startsWith(path));
    expect(
      own,
      `sites/${readme}/${path}: tsconfig.json checks src/ for the browser, tsconfig.node.json the config; ${GUIDE}`,
    ).toEqual([]);
  });

  it('type-checks as a whole: its sources with the declaration files they use', async () => {
    expect(await siteTypeErrors(readme)).toBe('');
  });

  it('builds with vite build', async () => {
    expect(
      files.map((f) => f.path),
      `the site's entry (index.html) is src/main.ts: a block starting // src/main.ts; ${GUIDE}`,
    ).toContain('src/main.ts');
    expect(readdirSync(join(await buildSite(readme), 'assets')).some((f) => f.endsWith('.js'))).toBe(true);
  });
});

describe('the vite-plugin README site, built', () => {
  it('has hero.png upscaled 2x and 3x as assets of the right size, which the script uses', async () => {
    expect([...sites.keys()], 'the vite-plugin README has a Vite site').toContain('vite-plugin');
    const dist = await buildSite('vite-plugin');
    const assets = readdirSync(join(dist, 'assets'));
    const script = assets
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dist, 'assets', f), 'utf8'));
    const hero = pngSize(readFileSync(join(siteDir('vite-plugin'), 'src/hero.png')));
    for (const scale of [2, 3]) {
      const size = { width: hero.width * scale, height: hero.height * scale };
      const name = `hero@${size.width}x${size.height}`;
      const file = assets.find((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
      expect(file, `${name}-<hash>.png among ${assets.join(', ')}`).toBeDefined();
      expect(pngSize(readFileSync(join(dist, 'assets', file!)))).toEqual(size);
      expect(script.join('\n')).toContain(`/assets/${file}`);
    }
  });
});
