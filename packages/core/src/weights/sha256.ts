import { VdsrError } from '../errors.js';

/** Lower-case hex SHA-256 through Web Crypto, which Node 20+ and browsers (secure contexts) provide. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new VdsrError(
      'E_WEIGHTS',
      'Expected globalThis.crypto.subtle to hash the weights but it is unavailable (browsers provide it only on https or localhost pages)',
    );
  }
  // Web Crypto takes views of plain ArrayBuffers only; a SharedArrayBuffer view is copied first.
  const input = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
  const digest = new Uint8Array(await subtle.digest('SHA-256', input));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
