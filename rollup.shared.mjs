// One build recipe for every package: ESM (+ CJS where Node users need it) and bundled .d.ts.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import dts from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

/**
 * @param {{ entries: Record<string, string>, cjs?: boolean, banner?: Record<string, string> }} options
 *   entries: output name -> source file; banner: output name -> banner (e.g. a shebang).
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
  return Object.entries(entries).flatMap(([name, input]) => [
    {
      input,
      external,
      plugins: [esbuild({ target: 'es2022', sourceMap: true })],
      output: formats.map((format) => ({
        file: `dist/${name}.${format === 'es' ? 'js' : 'cjs'}`,
        format,
        sourcemap: true,
        banner: banner[name],
      })),
    },
    {
      input,
      external,
      plugins: [dts()],
      output: formats.map((format) => ({
        file: `dist/${name}.${format === 'es' ? 'd.ts' : 'd.cts'}`,
        format: 'es',
      })),
    },
  ]);
}
