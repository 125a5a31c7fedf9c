// Ctrl-C latency of `vdsr upscale` at default settings (the shipped 20-layer weights, onnxruntime,
// default tiles): each run is a real terminal session (util-linux `script` gives the CLI a pty, so it
// draws its progress bar), and once the bar shows an ETA (a tile has been through the network) a
// Ctrl-C byte goes in as a user's keypress would. The figure is the time from that keypress to the
// end of the process. Prints a table; never asserts (machines differ).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { photoLike } from './inputs.mjs';

const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const REPEATS = 3;
const SIZES = [
  [1000, 750],
  [2000, 1500],
  [4000, 3000],
];
const load = () => loadavg()[0].toFixed(2);

/** One upscale in a pty, Ctrl-C once the network is running: seconds to exit, and the exit status. */
function interrupted(file, out) {
  const command = [process.execPath, cli, 'upscale', file, '--scale', '2', '-o', out, '--overwrite'];
  const child = spawn('script', ['-qefc', command.join(' '), '/dev/null'], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    let screen = '';
    let pressed;
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no progress within 180 s: ${screen.slice(-300)}`));
    }, 180_000);
    child.stdout.on('data', (chunk) => {
      screen += chunk;
      if (pressed === undefined && /ETA \d/.test(screen)) {
        pressed = performance.now();
        child.stdin.write('\x03');
      }
    });
    child.on('exit', (status) => {
      clearTimeout(giveUp);
      if (pressed === undefined) reject(new Error(`ended before the network ran: ${screen.slice(-300)}`));
      else resolve({ seconds: (performance.now() - pressed) / 1000, status });
    });
  });
}

if (spawnSync('script', ['--version']).error) {
  console.log('interrupt bench skipped: util-linux `script` is not installed');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'vdsr-bench-interrupt-'));
  try {
    const rows = [];
    for (const [width, height] of SIZES) {
      const file = await photoLike(dir, width, height);
      const runs = [];
      for (let i = 0; i < REPEATS; i++) runs.push(await interrupted(file, join(dir, 'out.png')));
      const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b);
      rows.push({
        output: `${(4 * width * height) / 1e6} MP`,
        'Ctrl-C to exit, each (s)': runs.map((r) => r.seconds.toFixed(2)).join(' '),
        'median (s)': seconds[seconds.length >> 1].toFixed(2),
        'exit status': [...new Set(runs.map((r) => r.status))].join(' '),
        'load average': load(),
      });
    }
    console.log(
      'vdsr upscale --scale 2 at default settings (shipped weights, onnxruntime): Ctrl-C mid-upscale',
    );
    console.table(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
