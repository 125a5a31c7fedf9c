import { describe, expect, it } from 'vitest';
import { ProtoWriter } from './protobuf.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('ProtoWriter', () => {
  // The examples of the protobuf encoding guide, worked by hand.
  it('writes a varint field', () => {
    expect(hex(new ProtoWriter().varint(1, 150).finish())).toBe('089601');
  });

  it('writes a string field', () => {
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('120774657374696e67');
  });

  it('writes a nested message with its length', () => {
    expect(hex(new ProtoWriter().message(3, (m) => m.varint(1, 150)).finish())).toBe('1a03089601');
  });

  it('writes varints above 2^32 without truncating them', () => {
    // 2^35: five empty 7-bit groups, then 1.
    expect(hex(new ProtoWriter().varint(1, 2 ** 35).finish())).toBe('08808080808001');
    expect(hex(new ProtoWriter().varint(1, 0).finish())).toBe('0800');
  });

  it('writes field numbers that need a two-byte key', () => {
    // (20 << 3) | 0 = 160 = 0xa0 0x01
    expect(hex(new ProtoWriter().varint(20, 7).finish())).toBe('a00107');
  });

  it('keeps field order and counts the lengths of nested byte payloads', () => {
    const payload = new Uint8Array(200).fill(0xab);
    const bytes = new ProtoWriter()
      .varint(1, 1)
      .message(2, (m) => m.bytes(9, payload).varint(1, 3))
      .string(3, 'é')
      .finish();
    // key 0x12, length 205 = 0xcd 0x01; inner: key 0x4a, length 200 = 0xc8 0x01, payload, 0x08 0x03
    expect(hex(bytes.subarray(0, 8))).toBe('080112cd014ac801');
    expect(bytes.length).toBe(2 + 3 + 205 + 4);
    expect(hex(bytes.subarray(8, 208))).toBe('ab'.repeat(200));
    expect(hex(bytes.subarray(208))).toBe('08031a02c3a9');
  });

  it('writes nothing for an empty message', () => {
    expect(new ProtoWriter().finish()).toEqual(new Uint8Array(0));
    expect(hex(new ProtoWriter().message(4, () => {}).finish())).toBe('2200');
  });
});
