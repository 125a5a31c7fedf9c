import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, rawImage, runCli, startCli, writeRandomWeights } from './test-support/harness.js';

let dir: string;
let remove: () => Promise<void>;
let weights: string;
/** Every run uses the small random network on the reference backend. */
let run: (args: string[], stdin?: Uint8Array) => ReturnType<typeof runCli>;

beforeAll(async () => {
  ({ path: dir, remove } = await makeTempDir());
  weights = await writeRandomWeights(join(dir, 'tiny.safetensors'));
  run = (args, stdin) => runCli([...args, '--weights', weights, '--backend', 'reference'], dir, stdin);
});
afterAll(() => remove());

async function workDir(name: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(path);
  return path;
}

/** A small PNG whose header claims `side` x `side` pixels (IHDR patched, its CRC redone). */
async function claimingPng(side: number): Promise<Buffer> {
  const png = await rawImage(4, 4, 1).png().toBuffer();
  png.writeUInt32BE(side, 16);
  png.writeUInt32BE(side, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('vdsr upscale: what it reads', () => {
  it('refuses /dev/zero and a FIFO at once, by what they are', async () => {
    const work = await workDir('devices');
    execFileSync('mkfifo', [join(work, 'pipe.png')]);
    const { child, done } = startCli(
      ['upscale', '/dev/zero', join(work, 'pipe.png'), '--scale', '2', '-o', `${join(work, 'out')}/`],
      work,
    );
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const result = await done;
    clearTimeout(guard);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('vdsr: /dev/zero: a character device: vdsr reads only regular files');
    expect(result.stderr).toContain('pipe.png: a FIFO: vdsr reads only regular files');
  });

  it("reads stdin as '-', which needs -o", async () => {
    const work = await workDir('stdin');
    const png = await rawImage(10, 8, 3).png().toBuffer();
    const result = await run(['upscale', '-', '--scale', '2', '-o', join(work, 'from-stdin.png')], png);
    expect(result.code).toBe(0);
    expect(await sharp(join(work, 'from-stdin.png')).metadata()).toMatchObject({ width: 20, height: 16 });
    const noOutput = await run(['upscale', '-', '--scale', '2'], png);
    expect(noOutput.code).toBe(2);
  });

  it('refuses a header claiming 60000 x 60000 with no input limit, naming the output limit', async () => {
    const work = await workDir('bomb');
    const bomb = join(work, 'bomb.png');
    await writeFile(bomb, await claimingPng(60000));
    const result = await run(['upscale', bomb, '--scale', '2', '--limit-input-pixels', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `vdsr: ${bomb}: --scale 2 makes an output of 14400000000 pixels, more than vdsr's output limit (268435456 pixels): ask for a smaller output`,
    );
  });
});

describe('vdsr upscale: what it writes', () => {
  it('flattens alpha onto white for .jpg, or onto --background', async () => {
    const work = await workDir('jpeg');
    const clear = { r: 0, g: 0, b: 0, alpha: 0 };
    await sharp({ create: { width: 8, height: 8, channels: 4, background: clear } })
      .png()
      .toFile(join(work, 'clear.png'));
    const centre = async (file: string) => [
      ...(await sharp(file).extract({ left: 8, top: 8, width: 1, height: 1 }).raw().toBuffer()),
    ];
    expect(
      (await run(['upscale', join(work, 'clear.png'), '--scale', '2', '-o', join(work, 'white.jpg')])).code,
    ).toBe(0);
    for (const v of await centre(join(work, 'white.jpg'))) expect(v).toBeGreaterThan(245);
    const black = join(work, 'black.jpg');
    expect(
      (await run(['upscale', join(work, 'clear.png'), '--scale', '2', '-o', black, '--background', '#000']))
        .code,
    ).toBe(0);
    for (const v of await centre(black)) expect(v).toBeLessThan(10);
  });

  it('says when frames are left out, and --page picks one', async () => {
    const work = await workDir('frames');
    const frames = await Promise.all(
      ['#ff0000', '#0000ff'].map((background) =>
        sharp({ create: { width: 6, height: 4, channels: 3, background } })
          .png()
          .toBuffer(),
      ),
    );
    await sharp(frames, { join: { animated: true } })
      .gif()
      .toFile(join(work, 'anim.gif'));
    const first = await run(['upscale', join(work, 'anim.gif'), '--scale', '2', '--format', 'png']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(
      'anim.gif: warning: has 2 pages (frames); only the first is upscaled (--page N picks another)',
    );
    const page = (n: number) =>
      run([
        'upscale',
        join(work, 'anim.gif'),
        '--scale',
        '2',
        '-o',
        join(work, `p${n}.png`),
        '--page',
        String(n),
      ]);
    const second = await page(1);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    const [r, , b] = await sharp(join(work, 'p1.png'))
      .extract({ left: 6, top: 4, width: 1, height: 1 })
      .raw()
      .toBuffer();
    expect([r! < 60, b! > 200]).toEqual([true, true]);
    const past = await page(2);
    expect(past.code).toBe(1);
    expect(past.stderr).toContain("--page 2 is past the image's last page, 1 (pages count from 0)");
  });
});

describe('vdsr eval: odd folders', () => {
  it('fails on a folder without images, and says an image is too small for the scale', async () => {
    const empty = await workDir('eval-empty');
    const result = await runCli(['eval', empty, '--scale', '2', '--bicubic-only'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`vdsr: ${empty}: no image files in this directory`);
    const tiny = await workDir('eval-tiny');
    await rawImage(1, 1, 3).png().toFile(join(tiny, 'dot.png'));
    const small = await runCli(['eval', tiny, '--scale', '2', '--bicubic-only'], dir);
    expect(small.code).toBe(1);
    expect(small.stderr).toContain('dot x2: the 1 x 1 image is too small for x2');
    expect(await readdir(tiny)).toEqual(['dot.png']);
  });
});
