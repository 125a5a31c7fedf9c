// Draws the sample images of the README (no dataset image is ever committed): a test card with text,
// fine lines, curves and colour edges at 512x384 (the "original"), and its MATLAB-bicubic downscale
// by 2 (`sample.png`, the input of the README's main command).
//   node examples/make-sample.mjs   (after `pnpm build`)
import { createRequire } from 'node:module';
import { resizeImage } from '../packages/core/dist/index.js';

const sharp = createRequire(import.meta.url)('../apps/cli/node_modules/sharp');
const W = 512;
const H = 384;

const rays = Array.from({ length: 36 }, (_, i) => {
  const a = (i * Math.PI) / 36;
  return `<line x1="${400 - 90 * Math.cos(a)}" y1="${110 - 90 * Math.sin(a)}" x2="${400 + 90 * Math.cos(a)}" y2="${110 + 90 * Math.sin(a)}" stroke="#111" stroke-width="1.2"/>`;
}).join('');
const rings = Array.from(
  { length: 7 },
  (_, i) =>
    `<circle cx="400" cy="290" r="${12 + i * 10}" fill="none" stroke="${i % 2 ? '#c0392b' : '#1f4e9c'}" stroke-width="3"/>`,
).join('');
const bars = Array.from(
  { length: 12 },
  (_, i) => `<rect x="${24 + i * (4 + (i >> 2))}" y="236" width="${2 + (i >> 2)}" height="60" fill="#222"/>`,
).join('');

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fdf6e3"/><stop offset="1" stop-color="#dfe8f1"/></linearGradient></defs>
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <text x="24" y="62" font-family="DejaVu Serif" font-size="44" font-weight="bold" fill="#1b2a41">vdsr</text>
  <text x="24" y="100" font-family="DejaVu Sans" font-size="20" fill="#333">Very Deep Super-Resolution</text>
  <text x="24" y="128" font-family="DejaVu Sans" font-size="14" fill="#444">20 layers, 3x3, 64 channels, residual</text>
  <text x="24" y="150" font-family="DejaVu Sans Mono" font-size="12" fill="#555">receptive field 41 x 41 pixels</text>
  <text x="24" y="170" font-family="DejaVu Sans" font-size="10" fill="#666">Kim, Lee and Lee, CVPR 2016</text>
  <g>${rays}</g>
  <g>${rings}</g>
  <g>${bars}</g>
  <path d="M 24 340 Q 120 250 200 330 T 330 320" fill="none" stroke="#2e8b57" stroke-width="4"/>
  <rect x="210" y="200" width="60" height="60" fill="#e67e22" transform="rotate(17 240 230)"/>
</svg>`;

const { data, info } = await sharp(Buffer.from(svg))
  .removeAlpha()
  .raw()
  .toBuffer({ resolveWithObject: true });
const original = { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data) };
const small = resizeImage(original, { scale: 0.5 });
const png = (img) =>
  sharp(Buffer.from(img.data), { raw: { width: img.width, height: img.height, channels: img.channels } }).png(
    { compressionLevel: 9 },
  );
await png(original).toFile(new URL('./test-card.png', import.meta.url).pathname);
await png(small).toFile(new URL('./sample.png', import.meta.url).pathname);
console.log(
  `examples/test-card.png ${original.width}x${original.height}, examples/sample.png ${small.width}x${small.height}`,
);
