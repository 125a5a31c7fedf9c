/** Saves a canvas as PNG or WebP through a temporary link. */
export async function download(canvas: HTMLCanvasElement, type: 'image/png' | 'image/webp', name: string) {
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, type, 0.95));
  if (!blob) throw new Error(`This browser cannot encode ${type}`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
