import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removePendingFilesSync, writeAtomic, writeFileAtomic } from './atomic-write.js';
import { makeTempDir } from './test-support/harness.js';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
});
afterAll(() => remove());

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([1, 2, 3]), { overwrite: false });
    expect([...(await readFile(join(dir, 'a.bin')))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['a.bin']);
  });

  it('keeps an existing file unless overwriting', async () => {
    await writeFile(join(dir, 'b.bin'), 'old');
    await expect(
      writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([9]), { overwrite: false }),
    ).rejects.toThrow('b.bin already exists (pass --overwrite to replace it)');
    expect(await readFile(join(dir, 'b.bin'), 'utf8')).toBe('old');
    await writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([9]), { overwrite: true });
    expect([...(await readFile(join(dir, 'b.bin')))]).toEqual([9]);
    expect((await readdir(dir)).sort()).toEqual(['a.bin', 'b.bin']);
  });

  it('writes nothing once the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const write = writeFileAtomic(join(dir, 'c.bin'), new Uint8Array(1 << 20), {
      overwrite: false,
      signal: controller.signal,
    });
    await expect(write).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['a.bin', 'b.bin']);
  });

  it('fails with the reason when the directory does not exist', async () => {
    await expect(
      writeFileAtomic(join(dir, 'none', 'd.bin'), new Uint8Array(1), { overwrite: false }),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it("removes a dead process's temporary files from the directory, never a live one's", async () => {
    const work = join(dir, 'stale');
    await mkdir(work);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const names = {
      stale: `.x.png.${dead}-0123abcd.tmp`,
      live: `.y.png.${process.ppid}-0123abcd.tmp`,
      other: `.z.png.${dead}-notours.tmp`,
    };
    for (const name of Object.values(names)) await writeFile(join(work, name), 'partial');
    await writeFileAtomic(join(work, 'new.bin'), new Uint8Array(1), { overwrite: false });
    expect((await readdir(work)).sort()).toEqual([names.live, names.other, 'new.bin'].sort());
  });
});

describe('writeAtomic', () => {
  it('gives the writer a new temporary name beside the file, and removes it when the writer fails', async () => {
    const work = join(dir, 'writer');
    await mkdir(work);
    const temps: string[] = [];
    await writeAtomic(
      join(work, 'ok.png'),
      async (temp) => {
        temps.push(temp);
        await writeFile(temp, 'done', { flag: 'wx' });
      },
      { overwrite: false },
    );
    expect(temps[0]).toMatch(/[/\\]\.ok\.png\.\d+-[0-9a-f]{8}\.tmp$/);
    const failing = writeAtomic(
      join(work, 'failed.png'),
      async (temp) => {
        await writeFile(temp, 'partial');
        throw new Error('encoder failed');
      },
      { overwrite: false },
    );
    await expect(failing).rejects.toThrow('encoder failed');
    expect(await readdir(work)).toEqual(['ok.png']);
    expect(await readFile(join(work, 'ok.png'), 'utf8')).toBe('done');
  });
});

describe('removePendingFilesSync', () => {
  it("removes the temporary file being written and the writer's own temporary files beside it", async () => {
    const sub = join(dir, 'pending');
    await mkdir(sub);
    // A live process's temporary file that is not the writer's: it stays.
    const other = `.keep.${process.pid}-0badf00d.tmp`;
    await writeFile(join(sub, other), 'another file');
    let finish!: () => void;
    const writing = writeAtomic(
      join(sub, 'd.png'),
      async (temp) => {
        await writeFile(temp, 'half');
        // What @vdsr/sharp's upscaleFile makes beside the file it is given.
        await writeFile(`${join(sub, `.${temp.split('/').pop()}`)}.${process.pid}-00c0ffee.tmp`, 'carrier');
        await new Promise<void>((resolve) => (finish = resolve));
      },
      { overwrite: false },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readdir(sub)).toHaveLength(3);
    removePendingFilesSync();
    expect(await readdir(sub)).toEqual([other]);
    finish();
    await writing.catch(() => undefined);
  });
});
