import { readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { IMAGE_EXTENSIONS } from '../upscale/inputs.js';

export interface Dataset {
  /** The folder's name, e.g. 'Set5'. */
  readonly name: string;
  readonly images: readonly { readonly name: string; readonly path: string }[];
}

/** The image files of a benchmark folder, by name; an image's name is its file name without extension. */
export async function readDataset(dir: string): Promise<Dataset> {
  const entries = await readdir(dir, { withFileTypes: true });
  const images = entries
    .filter((e) => e.isFile() && IMAGE_EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => ({ name: basename(e.name, extname(e.name)), path: join(dir, e.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { name: basename(resolve(dir)), images };
}
