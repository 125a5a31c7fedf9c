import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/harness.js';
import { expandInputs } from './inputs.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
  await mkdir(join(dir, 'pics'));
  await mkdir(join(dir, 'empty'));
  for (const name of ['b.png', 'a.JPG', 'readme.txt']) await writeFile(join(dir, 'pics', name), 'x');
  await writeFile(join(dir, 'c.webp'), 'x');
});
afterAll(() => remove());

describe('expandInputs', () => {
  it('takes files as given, image files of directories and glob matches, each once', async () => {
    const pics = join(dir, 'pics');
    const { files, problems } = await expandInputs([
      pics,
      join(dir, '*.webp'),
      join(pics, 'b.png'),
      join(pics, 'readme.txt'),
    ]);
    expect(files).toEqual([
      join(pics, 'a.JPG'),
      join(pics, 'b.png'),
      join(dir, 'c.webp'),
      join(pics, 'readme.txt'),
    ]);
    expect(problems).toEqual([]);
  });

  it('reports missing files, empty directories and globs matching nothing', async () => {
    const { files, problems } = await expandInputs([
      join(dir, 'nope.png'),
      join(dir, 'empty'),
      join(dir, '*.gif'),
    ]);
    expect(files).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      'no such file or directory',
      'no image files in this directory',
      'no files match this pattern',
    ]);
  });

  it("refuses devices and FIFOs by what they are, and keeps '-' (stdin)", async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.png')]);
    const { files, problems } = await expandInputs(['/dev/zero', join(dir, 'pipe.png'), '-']);
    expect(files).toEqual(['-']);
    expect(problems.map((p) => p.message)).toEqual([
      'a character device: vdsr reads only regular files',
      'a FIFO: vdsr reads only regular files',
    ]);
  });
});
