/** What a srcset import gives: the props of an `<img>`. */
export interface VdsrSrcset {
  /** The original image's URL (1x). */
  readonly src: string;
  /** `original 1x, upscaled 2x, ...`. */
  readonly srcset: string;
  /** The original's size (CSS pixels at 1x), upright. */
  readonly width: number;
  readonly height: number;
}

/** The module of a URL import: its default export is the URL. */
export function urlModule(url: string): string {
  return `export default ${JSON.stringify(url)};\n`;
}

/**
 * The module of a srcset import. URLs may hold Vite's asset placeholders, which Vite rewrites inside
 * string literals, so every URL stays within one.
 */
export function srcsetModule(
  original: string,
  upscaled: readonly { url: string; density: number }[],
  width: number,
  height: number,
): string {
  const srcset = [`${original} 1x`, ...upscaled.map(({ url, density }) => `${url} ${density}x`)].join(', ');
  const value: VdsrSrcset = { src: original, srcset, width, height };
  return `export default ${JSON.stringify(value)};\n`;
}
