import { readFileSync } from 'node:fs';

/** A fenced code block of a markdown file. */
export interface CodeBlock {
  /** The fence's language tag ('' for none). */
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The reason given by a `<!-- not run: reason -->` comment on the line before the fence. */
  readonly notRun?: string;
}

const NOT_RUN = /^<!--\s*not run:\s*(.*?)\s*-->$/;

/**
 * Every fenced (```) code block of a markdown text, in order. A block that is not meant to run says
 * so in an HTML comment on the line right before its fence: `<!-- not run: why -->`.
 */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (close === -1) throw new Error(`line ${i + 1}: a code fence that is never closed`);
    const marker = i > 0 ? NOT_RUN.exec(lines[i - 1]!.trim()) : null;
    if (marker && !marker[1]) throw new Error(`line ${i}: a 'not run' marker must give its reason`);
    blocks.push({
      lang: open[1]!,
      code: `${lines.slice(i + 1, close).join('\n')}\n`,
      line: i + 1,
      ...(marker ? { notRun: marker[1] } : {}),
    });
    i = close;
  }
  return blocks;
}

export function fileCodeBlocks(path: string): CodeBlock[] {
  return codeBlocks(readFileSync(path, 'utf8'));
}

/** Languages whose blocks run as programs (TypeScript is type-checked, then run). */
export const PROGRAM_LANGS: Readonly<Record<string, 'ts' | 'js'>> = {
  ts: 'ts',
  typescript: 'ts',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
};

/** A Vite site's file a block can be: its config, or a module or declaration file of its sources. */
const SITE_FILE = /^\/\/ (vite\.config\.(?:ts|mts|js|mjs)|src\/(?:[\w-]+\/)*[\w-]+(?:\.d)?\.(?:ts|js))\s*$/;

/**
 * The file of a Vite site a program block is, named by its first line (`// vite.config.ts`,
 * `// src/main.ts`, `// src/vite-env.d.ts`); undefined for a block that is not one.
 */
export function siteFile(block: CodeBlock): string | undefined {
  if (!PROGRAM_LANGS[block.lang]) return undefined;
  return SITE_FILE.exec(block.code.split('\n', 1)[0]!)?.[1];
}

/** One `npm install` command of a shell block: its environment assignments and its arguments. */
export interface NpmInstall {
  readonly env: Record<string, string>;
  readonly args: string[];
  readonly text: string;
}

/**
 * The `npm install` commands of a shell block, one a line (`VAR=value ... npm install args`, a
 * trailing `# comment` dropped). The block's other lines are commands for a checkout of this
 * repository or for after the install (`vdsr ...`, `pnpm ...`), which this test does not run.
 */
export function npmInstalls(code: string): NpmInstall[] {
  const installs: NpmInstall[] = [];
  for (const raw of code.split('\n')) {
    const text = raw.replace(/\s+#.*$/, '').trim();
    const words = text.split(/\s+/);
    const env: Record<string, string> = {};
    while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
      const [name, ...value] = words.shift()!.split('=');
      env[name!] = value.join('=');
    }
    if (words[0] !== 'npm' || (words[1] !== 'install' && words[1] !== 'i')) continue;
    installs.push({ env, args: words.slice(2), text });
  }
  return installs;
}
