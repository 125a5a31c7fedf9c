/**
 * Where the release weights sit, relative to this module once built into dist/ (and to src/ in tests:
 * both are one folder below the package root). Written as `new URL(literal, import.meta.url)` so
 * browser bundlers (Vite, webpack, Rollup, esbuild) find the file and emit it as an asset.
 */
export const weightsUrl: URL = new URL('../weights/vdsr.safetensors', import.meta.url);
