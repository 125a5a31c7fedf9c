import { toImageData } from './decode.js';
import type { Pixels } from './protocol.js';

const CROP = 64;
const LOUPE_ZOOM = 4;

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function paint(canvas: HTMLCanvasElement | OffscreenCanvas, image: Pixels): void {
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  context.putImageData(toImageData(image), 0, 0);
}

/** Draws a region of `source` into `target`, pixels kept sharp. */
function drawRegion(
  target: HTMLCanvasElement,
  source: CanvasImageSource,
  [x, y, w, h]: readonly number[],
  size: number,
): void {
  target.width = size;
  target.height = size;
  const context = target.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  context.clearRect(0, 0, size, size);
  context.drawImage(source, x!, y!, w!, h!, 0, 0, size, size);
}

/** The result: before/after slider with a loupe, and nearest | bicubic | VDSR at the same crop. */
export class ResultView {
  private readonly after = byId<HTMLCanvasElement>('after');
  private readonly before = byId<HTMLCanvasElement>('before');
  private readonly split = byId<HTMLInputElement>('split');
  private readonly loupe = byId<HTMLCanvasElement>('loupe');
  private readonly input = new OffscreenCanvas(1, 1);
  private scale = { x: 1, y: 1 };

  constructor() {
    this.split.addEventListener('input', () => this.clip());
    const slider = byId('slider');
    slider.addEventListener('pointermove', (event) => this.magnify(event));
    slider.addEventListener('pointerleave', () => {
      this.loupe.hidden = true;
    });
    slider.addEventListener('click', (event) => {
      if (event.target !== this.split) this.crop(...this.imagePoint(event));
    });
  }

  /** The output of the network: `input` (what it was given), `output` and its bicubic counterpart. */
  show(input: Pixels, output: Pixels, bicubic: Pixels): void {
    paint(this.input, input);
    paint(this.after, output);
    paint(this.before, bicubic);
    this.scale = { x: output.width / input.width, y: output.height / input.height };
    this.clip();
    this.crop(output.width / 2, output.height / 2);
  }

  /** The VDSR result, for downloads. */
  get result(): HTMLCanvasElement {
    return this.after;
  }

  private clip(): void {
    this.before.style.clipPath = `inset(0 ${(1 - Number(this.split.value)) * 100}% 0 0)`;
  }

  private imagePoint(event: MouseEvent): [number, number] {
    const box = this.after.getBoundingClientRect();
    return [
      ((event.clientX - box.left) / box.width) * this.after.width,
      ((event.clientY - box.top) / box.height) * this.after.height,
    ];
  }

  private magnify(event: PointerEvent): void {
    const [x, y] = this.imagePoint(event);
    if (x < 0 || y < 0 || x >= this.after.width || y >= this.after.height) return;
    const size = this.loupe.width / LOUPE_ZOOM;
    const bicubicSide = x / this.after.width < Number(this.split.value);
    drawRegion(
      this.loupe,
      bicubicSide ? this.before : this.after,
      [x - size / 2, y - size / 2, size, size],
      this.loupe.width,
    );
    const box = this.after.getBoundingClientRect();
    this.loupe.style.left = `${event.clientX - box.left + 16}px`;
    this.loupe.style.top = `${event.clientY - box.top + 16}px`;
    this.loupe.hidden = false;
  }

  /** Shows the same CROP x CROP output region (centred on x, y) from each method. */
  crop(x: number, y: number): void {
    const side = Math.min(CROP, this.after.width, this.after.height);
    const left = Math.min(Math.max(0, Math.round(x - side / 2)), this.after.width - side);
    const top = Math.min(Math.max(0, Math.round(y - side / 2)), this.after.height - side);
    const region = [left, top, side, side];
    const { x: sx, y: sy } = this.scale;
    drawRegion(byId('crop-nearest'), this.input, [left / sx, top / sy, side / sx, side / sy], side);
    drawRegion(byId('crop-bicubic'), this.before, region, side);
    drawRegion(byId('crop-vdsr'), this.after, region, side);
  }
}
