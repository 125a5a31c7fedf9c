import { describe, expect, it } from 'vitest';
import { decodeContainer, encodeContainer } from './container.js';

describe('safetensors container', () => {
  it('round-trips a header and data, padding the header with spaces to an 8-byte boundary', () => {
    const data = Uint8Array.of(1, 2, 3);
    const file = encodeContainer({ a: { b: [1, 2] }, s: 'é' }, data);
    const length = Number(new DataView(file.buffer).getBigUint64(0, true));
    expect(length % 8).toBe(0);
    expect(file[8 + length - 1]).toBe(0x20);
    const { header, data: back } = decodeContainer(file);
    expect(header).toEqual({ a: { b: [1, 2] }, s: 'é' });
    expect([...back]).toEqual([1, 2, 3]);
  });

  it('gives the data as a view into the file', () => {
    const file = encodeContainer({}, Uint8Array.of(9));
    const { data } = decodeContainer(file);
    expect(data.buffer).toBe(file.buffer);
  });
});
