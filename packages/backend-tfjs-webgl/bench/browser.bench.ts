import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CROSS_ORIGIN_ISOLATION, chromiumMissing, openPageSuite } from '@vdsr/browser-testing';
import { describe, it } from 'vitest';
import type { BenchRow } from './page.js';

const require = createRequire(import.meta.url);
/** The .wasm (and onnxruntime-web's .mjs loader) files next to a package's entry, served by base name. */
function wasmFiles(entry: string, pattern: RegExp): string[] {
  const dir = dirname(require.resolve(entry));
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .map((name) => join(dir, name));
}

describe.skipIf(chromiumMissing())('browser benchmark', () => {
  it('prints GFLOP/s of tfjs-webgl, tfjs wasm and onnxruntime-web wasm in headless Chromium', async () => {
    const suite = await openPageSuite(fileURLToPath(new URL('./page.ts', import.meta.url)), {
      headers: CROSS_ORIGIN_ISOLATION,
      assets: [
        ...wasmFiles('@tensorflow/tfjs-backend-wasm', /\.wasm$/),
        ...wasmFiles('onnxruntime-web', /^ort-wasm-simd-threaded(\.jsep)?\.(wasm|mjs)$/),
      ],
    });
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const format = (r: BenchRow) =>
      line([r.backend, `${r.size} x ${r.size}`, r.ms.toFixed(0), r.gflops.toFixed(2)]);
    suite.page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('bench-row ')) console.log(`(so far) ${format(JSON.parse(text.slice(10)))}`);
    });
    try {
      for (const { id, name } of suite.tests) {
        const result = await suite.run(id);
        if (!result.ok) throw new Error(`${name}: ${result.message}`);
      }
      const { rows, about } = await suite.page.evaluate(() => {
        const g = globalThis as unknown as { benchRows: BenchRow[]; benchAbout: unknown };
        return { rows: g.benchRows, about: g.benchAbout };
      });
      const header = ['backend (headless Chromium)', 'tile', 'network ms (median of 3)', 'GFLOP/s'];
      console.log(
        [
          JSON.stringify(about),
          '',
          line(header),
          line(header.map(() => '---')),
          ...rows.map((r) =>
            line([r.backend, `${r.size} x ${r.size}`, r.ms.toFixed(0), r.gflops.toFixed(2)]),
          ),
        ].join('\n'),
      );
    } finally {
      await suite.close();
    }
  }, 1_800_000);
});
