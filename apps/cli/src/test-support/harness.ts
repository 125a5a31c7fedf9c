// Helpers for the CLI's tests: run the built binary as users do, on images and weights made here.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createRandomWeights,
  seededRandom,
  serializeWeights,
  VDSR_PAPER,
  type VdsrArchitecture,
} from '@vdsr/core';
import sharp from 'sharp';

export const CLI_PATH = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** ../shared/datasets relative to the repository root, where the benchmark images live when present. */
export const DATASETS_DIR = fileURLToPath(new URL('../../../../../shared/datasets', import.meta.url));

if (!existsSync(CLI_PATH)) {
  throw new Error(
    `The CLI tests run the built binary, but ${CLI_PATH} is missing: run 'pnpm build' in apps/cli first`,
  );
}

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the CLI, with `stdin` as its standard input if given; `done` settles when it exits. */
export function startCli(
  args: readonly string[],
  cwd: string,
  stdin?: Uint8Array,
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd,
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  if (stdin) child.stdin!.end(stdin);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: readonly string[], cwd: string, stdin?: Uint8Array): Promise<CliResult> {
  return startCli(args, cwd, stdin).done;
}

export async function makeTempDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'vdsr-cli-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A small network (fast on the reference backend) unless an architecture is given. */
export const TINY_NETWORK: VdsrArchitecture = { ...VDSR_PAPER, depth: 4, channels: 8 };

export async function writeRandomWeights(
  path: string,
  architecture: VdsrArchitecture = TINY_NETWORK,
): Promise<string> {
  const weights = createRandomWeights(5, architecture);
  await writeFile(
    path,
    await serializeWeights(weights, { dtype: 'F32', provenance: { source: 'cli test' } }),
  );
  return path;
}

/** Deterministic pixels: a smooth ramp plus seeded noise of `noise` amplitude (0..255). */
export function testPixels(width: number, height: number, channels: number, noise = 40, seed = 1): Buffer {
  const random = seededRandom(seed);
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        const ramp = ((x * (c + 1) * 255) / width + (y * 255) / height) / 2;
        const value = ramp + (random() - 0.5) * noise;
        data[(y * width + x) * channels + c] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
  }
  return data;
}

/** A sharp instance of test pixels; 1 or 2 channels are grey (sharp would otherwise write them as sRGB). */
export function rawImage(
  width: number,
  height: number,
  channels: 1 | 2 | 3 | 4,
  noise?: number,
  seed?: number,
) {
  const image = sharp(testPixels(width, height, channels, noise, seed), { raw: { width, height, channels } });
  return channels <= 2 ? image.toColourspace('b-w') : image;
}

/** Files whose names look like vdsr's temporary files (.NAME.PID-HEX.tmp). */
export async function tempFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith('.') && name.endsWith('.tmp'));
}
