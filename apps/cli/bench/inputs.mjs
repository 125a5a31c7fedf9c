// Inputs the benchmarks share.
import { join } from 'node:path';
import sharp from 'sharp';

/** A photo-like input in `dir`: smooth gradients with noise, RGB 8-bit PNG. Resolves to its path. */
export async function photoLike(dir, width, height) {
  const path = join(dir, `${width}x${height}.png`);
  const noise = await sharp({
    create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .blur(1.5)
    .png({ compressionLevel: 1 })
    .toBuffer();
  await sharp(noise).png({ compressionLevel: 1 }).toFile(path);
  return path;
}
