const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's size, from its header (the first chunk, IHDR, holds it). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = new TextDecoder().decode(bytes.subarray(12, 16));
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b) || ihdr !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
