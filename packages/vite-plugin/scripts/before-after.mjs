// Makes docs/before-after.png with the plugin itself: a real Vite build of a page that imports a
// 1x image with `?vdsr&scale=2`, beside what a browser shows without it (the 1x image stretched,
// bicubic). Run after `pnpm build`: `pnpm --filter @vdsr/vite-plugin before-after`.
import '@vdsr/backend-onnxruntime';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { psnr, resizeImage } from '@vdsr/core';
import { vdsr } from '@vdsr/vite-plugin';
import sharp from 'sharp';
import { build } from 'vite';

const TEST_CARD = fileURLToPath(new URL('../../../examples/test-card.png', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../docs/before-after.png', import.meta.url));
const CROP = { left: 20, top: 76, width: 280, height: 100 };
const ZOOM = 2;

async function rgb(input) {
  const { data, info } = await sharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data) };
}

const toPng = (image) =>
  sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .png()
    .toBuffer();

const truth = await rgb(await sharp(TEST_CARD).extract(CROP).toBuffer());
const small = resizeImage(truth, { scale: 0.5 });

const root = await mkdtemp(join(tmpdir(), 'vdsr-before-after-'));
let after;
try {
  await writeFile(join(root, 'hero.png'), await toPng(small));
  await writeFile(join(root, 'main.js'), "import url from './hero.png?vdsr&scale=2';\nconsole.log(url);\n");
  await writeFile(join(root, 'index.html'), '<script type="module" src="/main.js"></script>\n');
  await build({ root, configFile: false, logLevel: 'warn', plugins: [vdsr()] });
  const assets = join(root, 'dist', 'assets');
  const name = (await readdir(assets)).find((file) => file.startsWith(`hero@${CROP.width}x${CROP.height}-`));
  after = await rgb(await readFile(join(assets, name)));
} finally {
  await rm(root, { recursive: true, force: true });
}
const before = resizeImage(small, { scale: 2 });

const panels = [
  { title: 'before: the 1x image, stretched (bicubic)', image: before },
  { title: 'after: ?vdsr&scale=2 (VDSR)', image: after },
];
const gap = 12;
const label = 30;
const w = CROP.width * ZOOM;
const h = CROP.height * ZOOM;
const width = panels.length * w + (panels.length - 1) * gap;
const composite = await Promise.all(
  panels.map(async ({ image }, i) => ({
    input: await sharp(await toPng(image))
      .resize(w, h, { kernel: 'nearest' })
      .png()
      .toBuffer(),
    left: i * (w + gap),
    top: label,
  })),
);
const text = panels
  .map(({ title, image }, i) => {
    const db = psnr(truth, image, { shave: 2 }).toFixed(2);
    return `<text x="${i * (w + gap) + w / 2}" y="21" font-size="16">${title.replaceAll('&', '&amp;')}, ${db} dB</text>`;
  })
  .join('');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${label}"><g font-family="DejaVu Sans, sans-serif" text-anchor="middle" fill="#222">${text}</g></svg>`;
composite.push({ input: Buffer.from(svg), left: 0, top: 0 });
await sharp({ create: { width, height: h + label, channels: 3, background: '#ffffff' } })
  .composite(composite)
  .png({ compressionLevel: 9, palette: false })
  .toFile(OUTPUT);
console.log(
  `${OUTPUT}: ${panels.map((p) => `${p.title} ${psnr(truth, p.image, { shave: 2 }).toFixed(2)} dB`).join('; ')}`,
);
