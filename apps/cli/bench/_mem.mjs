import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRandomWeights, serializeWeights, VDSR_PAPER } from '@vdsr/core';
import sharp from 'sharp';

const dir = '/tmp/ortw/mem';
writeFileSync(
  `${dir}/shallow.safetensors`,
  await serializeWeights(createRandomWeights(2016, { ...VDSR_PAPER, depth: 3 }), { dtype: 'F32' }),
);
const noise = await sharp({
  create: { width: 4000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
})
  .blur(1.5)
  .png({ compressionLevel: 1 })
  .toBuffer();
await sharp(noise).png({ compressionLevel: 1 }).toFile(`${dir}/in.png`);
for (const tile of [[], ['--tile', '587'], ['--tile', '846']]) {
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'maxrss_kb %M',
      process.execPath,
      '/work/wt-ort-worker/apps/cli/dist/cli.js',
      'upscale',
      `${dir}/in.png`,
      '--scale',
      '2',
      '-o',
      `${dir}/out.png`,
      '--overwrite',
      '--weights',
      `${dir}/shallow.safetensors`,
      '--backend',
      'onnxruntime',
      ...tile,
    ],
    { encoding: 'utf8' },
  );
  console.log(
    tile.join(' ') || 'default',
    r.status,
    /maxrss_kb (\d+)/.exec(r.stderr)?.[1],
    'kB',
    ((performance.now() - t0) / 1000).toFixed(1),
    's load',
    loadavg()[0].toFixed(2),
  );
}
