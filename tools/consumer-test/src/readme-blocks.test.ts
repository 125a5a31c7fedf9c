import { describe, expect, it } from 'vitest';
import { codeBlocks, npmInstalls, siteFile } from './readme-blocks.js';

describe('codeBlocks', () => {
  it('finds fenced blocks with their language, line and not-run reason', () => {
    const md = [
      '# T',
      '```ts',
      'const a = 1;',
      '```',
      '<!-- not run: a vitest file -->',
      '```ts',
      'it()',
      '```',
      '```',
      'plain',
      '```',
    ].join('\n');
    expect(codeBlocks(md)).toEqual([
      { lang: 'ts', code: 'const a = 1;\n', line: 2 },
      { lang: 'ts', code: 'it()\n', line: 6, notRun: 'a vitest file' },
      { lang: '', code: 'plain\n', line: 9 },
    ]);
  });

  it('rejects an unclosed fence and a marker without a reason', () => {
    expect(() => codeBlocks('```ts\nx\n')).toThrow('line 1: a code fence that is never closed');
    expect(() => codeBlocks('<!-- not run: -->\n```ts\nx\n```\n')).toThrow('must give its reason');
  });
});

describe('npmInstalls', () => {
  it('reads each npm install line with its environment, and nothing else', () => {
    const code = [
      'ONNXRUNTIME_NODE_INSTALL=skip npm install @vdsr/core onnxruntime-node   # Linux x64',
      'npm install --global @vdsr/cli',
      'vdsr upscale photo.jpg --scale 2',
      'pnpm install',
    ].join('\n');
    expect(npmInstalls(code)).toEqual([
      {
        env: { ONNXRUNTIME_NODE_INSTALL: 'skip' },
        args: ['@vdsr/core', 'onnxruntime-node'],
        text: 'ONNXRUNTIME_NODE_INSTALL=skip npm install @vdsr/core onnxruntime-node',
      },
      { env: {}, args: ['--global', '@vdsr/cli'], text: 'npm install --global @vdsr/cli' },
    ]);
  });
});

describe('siteFile', () => {
  const block = (code: string, lang = 'ts') => ({ lang, code, line: 1 });

  it('reads the Vite site file a block names on its first line', () => {
    expect(siteFile(block('// vite.config.ts\nexport default {};\n'))).toBe('vite.config.ts');
    expect(siteFile(block('// src/main.ts\nimport a from "./a.png?vdsr";\n'))).toBe('src/main.ts');
    expect(siteFile(block('// src/vite-env.d.ts\n/// <reference types="vite/client" />\n'))).toBe(
      'src/vite-env.d.ts',
    );
  });

  it('leaves other blocks alone: a Node program, a comment with more words, a path out of the site, sh', () => {
    expect(siteFile(block('import { vdsr } from "@vdsr/vite-plugin";\n'))).toBeUndefined();
    expect(siteFile(block('// vite.config.ts, with a srcset default\n'))).toBeUndefined();
    expect(siteFile(block('// src/../../outside.ts\n'))).toBeUndefined();
    expect(siteFile(block('// src/main.ts\n', 'sh'))).toBeUndefined();
  });
});
