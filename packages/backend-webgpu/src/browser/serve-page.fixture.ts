import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type StaticServer, serveStatic } from '@vdsr/browser-testing';
import { build } from 'esbuild';

/**
 * Bundles `entry` for the browser into `root` as page.js, with an index.html that loads it, and
 * serves `root` on 127.0.0.1 (where Chromium allows WebGPU); files already in `root` are served too.
 */
export async function servePage(entry: string, root: string): Promise<StaticServer> {
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(root, 'page.js'),
    logLevel: 'error',
  });
  await writeFile(join(root, 'index.html'), '<!doctype html><script type="module" src="page.js"></script>');
  return serveStatic(root);
}
