const EXIF_PREFIX = 'Exif\0\0';
const ORIENTATION_TAG = 0x0112;
const IFD_ENTRY_LENGTH = 12;

/**
 * The EXIF block as a PNG eXIf chunk holds it (the TIFF structure, without JPEG's "Exif\0\0"), with
 * Orientation set to 1: the pixels are already upright, so the old tag would rotate them twice.
 * Undefined for a block that is not valid TIFF, which is then dropped rather than copied broken.
 */
export function uprightExif(exif: Uint8Array): Uint8Array | undefined {
  const prefixed = String.fromCharCode(...exif.subarray(0, EXIF_PREFIX.length)) === EXIF_PREFIX;
  // A copy (Buffer's slice would be a view): the caller's block stays as it was.
  const tiff = new Uint8Array(exif.subarray(prefixed ? EXIF_PREFIX.length : 0));
  if (tiff.length < 8) return undefined;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return undefined;
  const little = order === 0x4949;
  if (view.getUint16(2, little) !== 42) return undefined;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return undefined;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * IFD_ENTRY_LENGTH;
    if (entry + IFD_ENTRY_LENGTH > tiff.length) return undefined;
    // Orientation is one SHORT, stored left-justified in the entry's 4-byte value field.
    if (view.getUint16(entry, little) === ORIENTATION_TAG) view.setUint16(entry + 8, 1, little);
  }
  return tiff;
}
