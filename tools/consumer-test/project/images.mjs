// The images README examples read from the working directory (the project's, and src/ of each README's
// Vite site): small, so every example runs in seconds.
import sharp from 'sharp';

const raw = (width, height, channels, value) => {
  const data = Buffer.alloc(width * height * channels);
  for (let i = 0; i < data.length; i++)
    data[i] = value(i % channels, ((i / channels) % width) | 0, (i / channels / width) | 0);
  return sharp(data, { raw: { width, height, channels } });
};
const scene = (c, x, y) => (x * 8 + y * 3 * (c + 1) + ((x >> 2) & 1) * 90) % 256;

await raw(48, 32, 3, scene).jpeg({ quality: 90 }).toFile('photo.jpg');
await raw(32, 32, 4, (c, x, y) => (c === 3 ? 255 - x * 4 : scene(c, x, y)))
  .png()
  .toFile('icon.png');
await raw(40, 56, 1, (_, x, y) => (x * 5 + y * 2) % 256)
  .png()
  .toFile('scan.png');
await raw(24, 16, 3, scene).png().toFile('hero.png');
