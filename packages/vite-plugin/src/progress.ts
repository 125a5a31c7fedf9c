/** One upscale in progress. */
export interface ProgressItem {
  /** Its share done, 0..1. */
  update(fraction: number): void;
  done(): void;
}

export interface ProgressOptions {
  /** Where the lines go (Vite's logger). */
  log: (line: string) => void;
  /** Quiet for upscaling shorter than this, in ms. */
  delay?: number;
  /** Time between lines, in ms. */
  interval?: number;
  now?: () => number;
}

interface Entry {
  readonly label: string;
  readonly pixels: number;
  fraction: number;
}

/** `1 image`, `2 images`. */
export function images(count: number): string {
  return `${count} image${count === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * A line every `interval` ms once upscaling has gone on for `delay` ms: how many images are done,
 * which ones are running and the time left, estimated from the output pixels done so far (VDSR's
 * cost grows with the output's size).
 */
export class BuildProgress {
  private readonly log: (line: string) => void;
  private readonly delay: number;
  private readonly interval: number;
  private readonly now: () => number;
  private readonly running = new Set<Entry>();
  private started = 0;
  private finished = 0;
  private total = 0;
  // Since the timer started (upscaling resumed after a pause): what the estimate is made from.
  private since = 0;
  private last = Number.NEGATIVE_INFINITY;
  private burstStarted = 0;
  private pixelsTotal = 0;
  private pixelsDone = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor({ log, delay = 1500, interval = 2000, now = Date.now }: ProgressOptions) {
    this.log = log;
    this.delay = delay;
    this.interval = interval;
    this.now = now;
  }

  /** An image queued for upscaling. */
  add(): void {
    this.total++;
  }

  /** An image starts upscaling. */
  start(label: string, pixels: number): ProgressItem {
    if (!this.timer) this.begin();
    const entry: Entry = { label, pixels, fraction: 0 };
    this.running.add(entry);
    this.started++;
    this.burstStarted++;
    this.pixelsTotal += pixels;
    return {
      update: (fraction) => {
        entry.fraction = Math.min(1, Math.max(entry.fraction, fraction));
      },
      done: () => {
        if (!this.running.delete(entry)) return;
        this.finished++;
        this.pixelsDone += pixels;
        if (this.finished === this.total) this.end();
      },
    };
  }

  /** The progress line now. */
  line(): string {
    const done = this.pixelsDone + [...this.running].reduce((sum, e) => sum + e.fraction * e.pixels, 0);
    const elapsed = this.now() - this.since;
    // Images not started yet count as the average of those started.
    const perImage = this.pixelsTotal / Math.max(1, this.burstStarted);
    const left = this.pixelsTotal + perImage * (this.total - this.started) - done;
    const eta = done > 0 ? `about ${seconds((elapsed * left) / done)} left` : 'estimating the time left';
    const now = [...this.running].map((e) => `${e.label} ${Math.floor(e.fraction * 100)}%`).join(', ');
    return `vdsr: upscaled ${this.finished} of ${images(this.total)}${now ? `; now ${now}` : ''}; ${eta}`;
  }

  /**
   * Stops the lines until an image starts again (called when the build ends, whatever is left);
   * with nothing running, the next images count from zero (the next build in watch mode).
   */
  end(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.running.size === 0) {
      this.started = 0;
      this.finished = 0;
      this.total = 0;
    }
  }

  private begin(): void {
    this.since = this.now();
    this.burstStarted = 0;
    this.pixelsTotal = 0;
    this.pixelsDone = 0;
    this.timer = setInterval(() => {
      const now = this.now();
      if (now - this.since < this.delay || now - this.last < this.interval) return;
      this.last = now;
      this.log(this.line());
    }, 250);
    this.timer.unref();
  }
}
