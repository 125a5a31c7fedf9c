import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/harness.js';
import { maxInputBytes, readInputFile, readInputStream } from './read-input.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
});
afterAll(() => remove());

describe('readInputFile', () => {
  it('reads a regular file up to the cap, and refuses a larger one before reading it', async () => {
    await writeFile(join(dir, 'ten'), Buffer.alloc(10, 7));
    expect([...(await readInputFile(join(dir, 'ten'), 10))]).toEqual(Array(10).fill(7));
    await expect(readInputFile(join(dir, 'ten'), 9)).rejects.toMatchObject({
      code: 'E_LIMIT',
      message: expect.stringMatching(/^the file is 10 bytes, more than the 9 bytes read for one image/),
    });
    await writeFile(join(dir, 'empty'), '');
    await expect(readInputFile(join(dir, 'empty'), 9)).rejects.toThrow('empty file (0 bytes)');
  });

  it('refuses /dev/zero and a FIFO at once instead of reading forever or waiting', async () => {
    await expect(readInputFile('/dev/zero', 2 ** 20)).rejects.toMatchObject({
      code: 'E_IO',
      message: expect.stringContaining('a character device'),
    });
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    await expect(readInputFile(join(dir, 'fifo'), 2 ** 20)).rejects.toThrow('a FIFO');
  });
});

describe('readInputStream', () => {
  it('reads a stream, and stops one that passes the cap', async () => {
    expect((await readInputStream(Readable.from([Buffer.alloc(3), Buffer.alloc(4)]), 7)).length).toBe(7);
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024));
      },
    });
    await expect(readInputStream(endless, 4096)).rejects.toMatchObject({ code: 'E_LIMIT' });
    expect(pulled).toBeLessThan(10);
  });
});

describe('maxInputBytes', () => {
  it('is 8 bytes a pixel of the limit plus 16 MiB, at most 2 GiB; no pixel limit means 2 GiB', () => {
    expect(maxInputBytes(500)).toBe(4000 + 16 * 2 ** 20);
    expect(maxInputBytes(0)).toBe(2 ** 31 - 1);
    expect(maxInputBytes(0x3fff * 0x3fff)).toBe(2 ** 31 - 1);
  });
});
