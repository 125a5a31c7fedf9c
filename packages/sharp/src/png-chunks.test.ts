import { describe, expect, it } from 'vitest';
import { encodeChunk } from './png-chunks.js';

describe('encodeChunk', () => {
  it('writes length, type, data and CRC (known answers: IEND, and pHYs at 300 dpi)', () => {
    expect(encodeChunk({ type: 'IEND', data: new Uint8Array(0) }).toString('hex')).toBe(
      '0000000049454e44ae426082',
    );
    const phys = Buffer.from([0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1]); // 11811 px/m
    expect(encodeChunk({ type: 'pHYs', data: phys }).toString('hex')).toBe(
      '0000000970485973' + '00002e2300002e2301' + '78a53f76',
    );
  });
});
