import { type ResizeTarget, targetSize } from '@vdsr/core';
import { startWorker } from './client.js';
import { DemoError, decodeImage } from './decode.js';
import { download } from './download.js';
import { describeUnavailable, renderPicker } from './picker.js';
import { progressText, timingText } from './progress.js';
import type { Pixels, Reply } from './protocol.js';
import { maxOutputPixels } from './settings.js';
import { ResultView } from './view.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  file: $<HTMLInputElement>('file'),
  drop: $('drop'),
  info: $('image-info'),
  error: $('error'),
  scale: $<HTMLSelectElement>('scale'),
  scaleCustom: $<HTMLInputElement>('scale-custom'),
  targetWidth: $<HTMLInputElement>('target-width'),
  measure: $<HTMLInputElement>('measure'),
  backend: $<HTMLSelectElement>('backend'),
  backendInfo: $('backend-info'),
  start: $<HTMLButtonElement>('start'),
  cancel: $<HTMLButtonElement>('cancel'),
  progressPanel: $('progress-panel'),
  progress: $<HTMLProgressElement>('progress'),
  progressText: $('progress-text'),
  result: $('result'),
  timing: $('timing'),
  psnr: $('psnr'),
};
const view = new ResultView();
let image: Pixels | undefined;
let imageName = 'image';
let running: { id: number; started: number } | undefined;
let nextId = 1;
let unavailable = '';

function readyText(reply: Extract<Reply, { type: 'ready' }>): string {
  const threads = `${reply.threads} thread${reply.threads > 1 ? 's' : ''}`;
  const isolation = crossOriginIsolated ? '' : ' (the page is not cross-origin isolated)';
  // A session already open answers at once; a new one says what starting it cost.
  const started = reply.ms >= 5 ? `; started in ${Math.round(reply.ms)} ms` : '';
  return `${reply.resolved}: precision ${reply.precision}, ${threads}${isolation}${started}`;
}

function showError(message: string | undefined): void {
  ui.error.textContent = message ?? '';
  ui.error.hidden = !message;
}

function setRunning(on: boolean): void {
  ui.start.disabled = on || !image;
  ui.cancel.disabled = !on;
  ui.progressPanel.hidden = false;
}

function target(): ResizeTarget {
  if (ui.scale.value === 'width') return { width: Number(ui.targetWidth.value) };
  return { scale: Number(ui.scale.value === 'custom' ? ui.scaleCustom.value : ui.scale.value) };
}

const send = startWorker((reply: Reply) => {
  switch (reply.type) {
    case 'backends':
      renderPicker(ui.backend, reply);
      unavailable = describeUnavailable(reply);
      ui.backendInfo.textContent = unavailable;
      send({ type: 'prepare', backend: ui.backend.value });
      return;
    case 'ready':
      if (reply.backend !== ui.backend.value) return;
      ui.backendInfo.textContent = readyText(reply);
      ui.backendInfo.title = unavailable;
      return;
    case 'progress': {
      if (reply.id !== running?.id) return;
      ui.progress.value = reply.fraction;
      ui.progressText.textContent = progressText(
        reply.tile,
        reply.tiles,
        reply.fraction,
        performance.now() - running.started,
      );
      return;
    }
    case 'done':
      if (reply.id !== running?.id) return;
      running = undefined;
      setRunning(false);
      ui.progress.value = 1;
      ui.progressText.textContent = 'done';
      ui.result.hidden = false;
      view.show(reply.input, reply.output, reply.bicubic);
      ui.timing.textContent = timingText(reply.ms, reply.output.width, reply.output.height, reply.backend);
      ui.psnr.textContent = reply.psnr
        ? `Luma PSNR against your image: bicubic ${reply.psnr.bicubic.toFixed(2)} dB, VDSR ${reply.psnr.vdsr.toFixed(2)} dB (${(reply.psnr.vdsr - reply.psnr.bicubic).toFixed(2)} dB)`
        : '';
      return;
    case 'error':
      if (reply.id !== undefined && reply.id !== running?.id) return;
      if (reply.id !== undefined) {
        running = undefined;
        setRunning(false);
        ui.progressText.textContent = reply.code === 'E_ABORTED' ? 'cancelled' : 'failed';
      }
      if (reply.code !== 'E_ABORTED') showError(`${reply.code}: ${reply.message}`);
      return;
  }
});

/** Refuses, before any work, an output the tab could not hold. */
function checkSize(input: Pixels): void {
  const { width, height } = targetSize(input.width, input.height, target());
  const limit = maxOutputPixels();
  if (width * height > limit) {
    throw new DemoError(
      `A ${width} x ${height} result (${((width * height) / 1e6).toFixed(1)} MP) is more than this tab can hold safely (${(limit / 1e6).toFixed(0)} MP); pick a smaller scale or image.`,
    );
  }
}

async function load(file: Blob, name: string): Promise<void> {
  showError(undefined);
  try {
    image = await decodeImage(file);
    imageName = name.replace(/\.[^.]*$/, '') || 'image';
    const kind = image.channels === 1 ? 'grey' : image.channels === 4 ? 'RGB + alpha' : 'RGB';
    ui.info.textContent = `${name}: ${image.width} x ${image.height}, ${kind}`;
    ui.targetWidth.value ||= String(image.width * 2);
    ui.start.disabled = running !== undefined;
  } catch (error) {
    showError(error instanceof DemoError ? error.message : `Could not read this file: ${String(error)}`);
  }
}

function start(): void {
  if (!image || running) return;
  showError(undefined);
  try {
    checkSize(image);
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
    return;
  }
  running = { id: nextId++, started: performance.now() };
  setRunning(true);
  ui.progress.value = 0;
  ui.progressText.textContent = 'starting';
  // A copy goes to the worker (its buffer moves there), so the page keeps the image for the next run.
  const copy = { ...image, data: image.data.slice() };
  send(
    {
      type: 'upscale',
      id: running.id,
      backend: ui.backend.value,
      image: copy,
      target: target(),
      measure: ui.measure.checked,
    },
    [copy.data.buffer],
  );
}

ui.file.addEventListener('change', () => {
  const file = ui.file.files?.[0];
  if (file) void load(file, file.name);
  ui.file.value = '';
});
ui.drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  ui.drop.classList.add('over');
});
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('over'));
ui.drop.addEventListener('drop', (event) => {
  event.preventDefault();
  ui.drop.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file) void load(file, file.name);
});
document.addEventListener('paste', (event) => {
  const file = [...(event.clipboardData?.files ?? [])][0];
  if (file) void load(file, file.name || 'pasted');
});
ui.scale.addEventListener('change', () => {
  ui.scaleCustom.hidden = ui.scale.value !== 'custom';
  ui.targetWidth.hidden = ui.scale.value !== 'width';
});
ui.backend.addEventListener('change', () => {
  ui.backendInfo.textContent = 'starting…';
  send({ type: 'prepare', backend: ui.backend.value });
});
ui.start.addEventListener('click', start);
ui.cancel.addEventListener('click', () => {
  if (running) send({ type: 'cancel', id: running.id });
  ui.progressText.textContent = 'cancelling (the tile under way finishes first)';
});
$('download-png').addEventListener(
  'click',
  () => void download(view.result, 'image/png', `${imageName}-vdsr.png`),
);
$('download-webp').addEventListener(
  'click',
  () => void download(view.result, 'image/webp', `${imageName}-vdsr.webp`),
);

send({ type: 'list' });
