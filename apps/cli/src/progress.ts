/** Where progress and per-file lines go: a live bar on a terminal, plain lines anywhere else. */
export interface BatchProgress {
  /** Starts file `index` (0-based) of the batch. */
  start(index: number, name: string): void;
  /** The current file's fraction done, 0..1. */
  update(fraction: number): void;
  /** Prints a line above the bar (stdout for results, stderr for problems). */
  print(line: string, stream: 'stdout' | 'stderr'): void;
  /** Removes the bar. */
  finish(): void;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

export function formatBar(fraction: number, width = BAR_WIDTH): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** The bar is drawn only when stderr is a terminal; otherwise only printed lines appear. */
export function createBatchProgress(
  total: number,
  now: () => number = () => performance.now(),
): BatchProgress {
  const tty = process.stderr.isTTY === true;
  const startedAt = now();
  let index = 0;
  let name = '';
  let fraction = 0;
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;

  const clear = () => {
    if (drawn) process.stderr.write('\r\x1b[K');
    drawn = false;
  };
  const draw = (force: boolean) => {
    if (!tty) return;
    const t = now();
    if (!force && t - drawnAt < REDRAW_MS) return;
    drawnAt = t;
    const overall = (index + fraction) / total;
    const elapsed = (t - startedAt) / 1000;
    const eta = overall > 0 ? (elapsed / overall) * (1 - overall) : Number.NaN;
    const percent = `${Math.floor(overall * 100)}%`.padStart(4);
    const columns = process.stderr.columns || 80;
    const line = `${formatBar(overall)} ${percent} ${index + 1}/${total} ETA ${formatDuration(eta)} ${name}`;
    process.stderr.write(`\r\x1b[K${line.slice(0, columns - 1)}`);
    drawn = true;
  };

  return {
    start(i, fileName) {
      index = i;
      name = fileName;
      fraction = 0;
      draw(true);
    },
    update(f) {
      fraction = f;
      draw(false);
    },
    print(line, stream) {
      clear();
      process[stream].write(`${line}\n`);
      draw(true);
    },
    finish: clear,
  };
}
