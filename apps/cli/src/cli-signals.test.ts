import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VDSR_PAPER } from '@vdsr/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeTempDir,
  rawImage,
  runCli,
  startCli,
  tempFiles,
  writeRandomWeights,
} from './test-support/harness.js';

let dir: string;
let remove: () => Promise<void>;
let slow: string;

beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
  // The paper's full network on the reference backend takes seconds for a 64 x 64 image.
  slow = await writeRandomWeights(join(dir, 'paper.safetensors'), VDSR_PAPER);
});
afterAll(() => remove());

/**
 * Upscales a small image then a slow one with --json, and sends `signal` (`times` over) once the
 * first is written.
 */
async function interruptSecondFile(name: string, signal: NodeJS.Signals, times = 1) {
  const work = join(dir, name);
  await mkdir(work);
  await rawImage(8, 8, 3).png().toFile(join(work, 'a-first.png'));
  await rawImage(64, 64, 3).png().toFile(join(work, 'b-second.png'));
  const args = [
    'upscale',
    'a-first.png',
    'b-second.png',
    '--scale',
    '2',
    '--json',
    '--weights',
    slow,
    '--backend',
    'reference',
  ];
  const { child, done } = startCli(args, work);
  let sent = false;
  const poll = setInterval(() => {
    if (!sent && existsSync(join(work, 'a-first@2x.png'))) {
      sent = true;
      for (let i = 0; i < times; i++) child.kill(signal);
    }
  }, 20);
  const result = await done;
  clearInterval(poll);
  return { work, sent, result };
}

describe('vdsr upscale: SIGINT, SIGTERM and SIGHUP', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)(
    'on %s stops the run: no partial or temporary file, the finished ones in --json, ended by the signal (shells: %i)',
    async (signal, _code) => {
      const { work, sent, result } = await interruptSecondFile(signal.toLowerCase(), signal);
      expect(sent).toBe(true);
      // Ended by the signal's default action after cleaning up, so a shell reports 128 + its number.
      expect(result).toMatchObject({ signal, code: null });
      expect(result.stderr).toContain(`vdsr: interrupted (${signal})`);
      const reports = JSON.parse(result.stdout) as { input: string; ok: boolean; error?: string }[];
      expect(reports).toEqual([
        expect.objectContaining({ input: 'a-first.png', ok: true, output: 'a-first@2x.png' }),
        { input: 'b-second.png', ok: false, error: 'interrupted' },
      ]);
      expect((await readdir(work)).filter((n) => n.includes('@'))).toEqual(['a-first@2x.png']);
      expect((await stat(join(work, 'a-first@2x.png'))).size).toBeGreaterThan(0);
      expect(await tempFiles(work)).toEqual([]);
    },
  );
});

describe('vdsr upscale: a second signal', () => {
  it('ends the process by that signal at once, leaving no temporary file', async () => {
    const { work, sent, result } = await interruptSecondFile('twice', 'SIGTERM', 2);
    expect(sent).toBe(true);
    expect(result).toMatchObject({ signal: 'SIGTERM', code: null });
    expect((await readdir(work)).filter((n) => n.includes('@'))).toEqual(['a-first@2x.png']);
    expect(await tempFiles(work)).toEqual([]);
  });
});

describe('vdsr upscale: temporary files of a killed run', () => {
  it('are removed by the next run into the same directory, when their process is gone', async () => {
    const work = join(dir, 'stale');
    await mkdir(work);
    await rawImage(8, 8, 3).png().toFile(join(work, 'a.png'));
    const killed = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `.a@2x.png.${killed}-0badf00d.tmp`;
    const live = `.a@2x.png.${process.pid}-0badf00d.tmp`;
    await writeFile(join(work, stale), 'half an image');
    await writeFile(join(work, live), 'still being written');
    const tiny = await writeRandomWeights(join(work, 'tiny.safetensors'));
    const result = await runCli(
      ['upscale', 'a.png', '--scale', '2', '--weights', tiny, '--backend', 'reference'],
      work,
    );
    expect(result.code).toBe(0);
    expect(await tempFiles(work)).toEqual([live]);
  });
});
