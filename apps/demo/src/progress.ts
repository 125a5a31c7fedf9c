/** Progress text: tiles done of the total, and the time left at the rate so far. */
export function progressText(tile: number, tiles: number, fraction: number, elapsedMs: number): string {
  const done = `tile ${tile} of ${tiles}`;
  if (fraction <= 0 || fraction >= 1) return done;
  const leftSeconds = (elapsedMs * (1 - fraction)) / fraction / 1000;
  return `${done} · about ${leftSeconds < 10 ? leftSeconds.toFixed(1) : Math.round(leftSeconds)} s left`;
}

export function timingText(ms: number, width: number, height: number, backend: string): string {
  const megapixels = (width * height) / 1e6;
  return `${width} x ${height} on ${backend} in ${Math.round(ms)} ms (${(megapixels / (ms / 1000)).toPrecision(3)} MP/s of output)`;
}
