import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../command.js';
import { makeTempDir } from '../test-support/harness.js';
import { checkOutput, outputPath, outputTarget, protectedPaths } from './outputs.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
  await mkdir(join(dir, 'out'));
  await writeFile(join(dir, 'in.png'), 'x');
  await writeFile(join(dir, 'taken.png'), 'x');
});
afterAll(() => remove());

describe('outputTarget and outputPath', () => {
  it('puts NAME<label><ext> beside the input by default', async () => {
    const target = await outputTarget(undefined, 3);
    expect(outputPath(target, join('photos', 'cat.jpeg'), '@2x', '.jpeg')).toBe(
      join('photos', 'cat@2x.jpeg'),
    );
  });

  it('treats an existing directory or a trailing separator as a directory', async () => {
    expect(await outputTarget(join(dir, 'out'), 2)).toEqual({ kind: 'directory', path: join(dir, 'out') });
    expect(await outputTarget('later/', 2)).toEqual({ kind: 'directory', path: 'later/' });
    const target = await outputTarget(join(dir, 'out'), 2);
    expect(outputPath(target, join('a', 'b.png'), '@10x20', '.webp')).toBe(join(dir, 'out', 'b@10x20.webp'));
  });

  it('takes anything else as a file name, for one input only', async () => {
    const target = await outputTarget('big.png', 1);
    expect(outputPath(target, 'in.png', '@2x', '.png')).toBe('big.png');
    await expect(outputTarget('big.png', 2)).rejects.toThrow(UsageError);
  });
});

describe('checkOutput', () => {
  it('refuses inputs, earlier outputs, existing files and missing directories', async () => {
    const inputs = await protectedPaths([join(dir, 'in.png')]);
    const written = await protectedPaths([join(dir, 'done.png')]);
    const check = (path: string, overwrite = false) => checkOutput(path, { inputs, written, overwrite });
    await expect(check(join(dir, 'in.png'), true)).rejects.toThrow('it is an input of this run');
    await expect(check(join(dir, 'done.png'), true)).rejects.toThrow(
      'an earlier input of this run was written there',
    );
    await expect(check(join(dir, 'taken.png'))).rejects.toThrow('already exists');
    await expect(check(join(dir, 'taken.png'), true)).resolves.toBeUndefined();
    await expect(check(join(dir, 'out'), true)).rejects.toThrow('it is a directory');
    await expect(check(join(dir, 'nowhere', 'x.png'))).rejects.toThrow(
      /output directory .*nowhere does not exist/,
    );
    await expect(check(join(dir, 'in.png', 'x.png'))).rejects.toThrow(/is not a directory/);
    await expect(check(join(dir, 'new.png'))).resolves.toBeUndefined();
  });
});
