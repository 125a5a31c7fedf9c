// Puts the ensemble rows of `vdsr eval --ensemble --json` outputs into the metrics of
// weights/vdsr.safetensors (replacing rows of the same dataset, scale and transforms, each new one after
// the rows of its dataset and scale; the other rows stay as measured at training), through the core's own
// serializeWeights, and checks that the tensors stay bit-identical.
// Usage (after `pnpm build`): node scripts/set-metrics.mjs eval-1.json [eval-2.json ...]
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseWeights, serializeWeights } from '@vdsr/core';

const file = new URL('../weights/vdsr.safetensors', import.meta.url);
const key = (row) => `${row.dataset} x${row.scale} ${row.method} ${row.transforms ?? ''}`;
const group = (row) => `${row.dataset} x${row.scale}`;

const old = await parseWeights(await readFile(file));
const metrics = [...old.metadata.metrics];
for (const path of process.argv.slice(2)) {
  for (const { dataset, scale, method, psnr, ssim, transforms } of JSON.parse(await readFile(path, 'utf8'))) {
    if (method !== 'ensemble') continue;
    const row = { dataset, scale, method, psnr, ssim, transforms };
    const same = metrics.findIndex((r) => key(r) === key(row));
    if (same >= 0) metrics[same] = row;
    else metrics.splice(metrics.findLastIndex((r) => group(r) === group(row)) + 1 || metrics.length, 0, row);
  }
}
const bytes = await serializeWeights(old, {
  dtype: old.dtype,
  provenance: old.metadata.provenance,
  metrics,
});
const updated = await parseWeights(bytes);
if (updated.contentHash !== old.contentHash) {
  throw new Error(`The tensors changed: content SHA-256 ${old.contentHash} -> ${updated.contentHash}`);
}
const temporary = new URL(`${file.href}.tmp`);
await writeFile(temporary, bytes);
await rename(temporary, file);
console.log(`${metrics.length} rows written; tensors unchanged (content SHA-256 ${updated.contentHash})`);
