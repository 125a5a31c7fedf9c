// One build recipe for every package: ESM (+ CJS where Node users need it) and bundled .d.ts.
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import dts from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

/**
 * @param {{ entries: Record<string, string>, cjs?: boolean, banner?: Record<string, string> }} options
 *   entries: output name -> source file; banner: output name -> banner (e.g. a shebang).
 * The entries are built together, so code they share lands once in a chunk that both import: one
 * copy of each module, hence one VdsrError class (instanceof holds) whichever entry threw it.
 */
export function packageConfig({ entries, cjs = true, banner = {} }) {
  const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8'));
  const deps = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ];
  const external = (id) =>
    id.startsWith('node:') ||
    builtinModules.includes(id) ||
    deps.some((d) => id === d || id.startsWith(`${d}/`));
  const formats = cjs ? ['es', 'cjs'] : ['es'];
  const output = (format, extension) => ({
    dir: 'dist',
    format,
    entryFileNames: `[name].${extension}`,
    chunkFileNames: `chunks/[name].${extension}`,
  });
  // Chunks are named after a module they hold, so a change can rename them: start from none.
  const cleanChunks = {
    name: 'clean-chunks',
    buildStart: () => rmSync('dist/chunks', { recursive: true, force: true }),
  };
  return [
    {
      input: entries,
      external,
      plugins: [cleanChunks, esbuild({ target: 'es2022', sourceMap: true })],
      output: formats.map((format) => ({
        ...output(format, format === 'es' ? 'js' : 'cjs'),
        sourcemap: true,
        banner: (chunk) => (chunk.isEntry ? (banner[chunk.name] ?? '') : ''),
      })),
    },
    {
      input: entries,
      external,
      plugins: [dts()],
      output: formats.map((format) => output('es', format === 'es' ? 'd.ts' : 'd.cts')),
    },
  ];
}
