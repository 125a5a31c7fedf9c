const utf8 = new TextEncoder();

/**
 * The few protobuf wire-format writes an ONNX model needs: varints (wire type 0) and length-delimited
 * fields (wire type 2). Parts are kept as a list and joined once at the end so that large tensor
 * payloads are copied only once, however deeply their messages nest.
 *
 * Callers pass non-negative safe integers only; the ONNX encoder validates user values first.
 */
export class ProtoWriter {
  private readonly parts: Uint8Array[] = [];
  /** Bytes of small fields not yet moved into `parts`. */
  private pending: number[] = [];
  /** Bytes held in `parts`. */
  private size = 0;

  /** A varint field (int32, int64, enum) holding a non-negative integer. */
  varint(field: number, value: number): this {
    this.key(field, 0);
    this.rawVarint(value);
    return this;
  }

  bytes(field: number, data: Uint8Array): this {
    this.key(field, 2);
    this.rawVarint(data.length);
    this.append([data], data.length);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value));
  }

  /** A nested message, written by `write` into a fresh writer. */
  message(field: number, write: (writer: ProtoWriter) => void): this {
    const sub = new ProtoWriter();
    write(sub);
    sub.flush();
    this.key(field, 2);
    this.rawVarint(sub.size);
    this.append(sub.parts, sub.size);
    return this;
  }

  finish(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  private key(field: number, wireType: 0 | 2): void {
    this.rawVarint(field * 8 + wireType);
  }

  // Division rather than bit shifts: shifts would truncate values above 2^31 (large tensors' sizes).
  private rawVarint(value: number): void {
    while (value >= 0x80) {
      this.pending.push((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    this.pending.push(value);
  }

  private append(parts: readonly Uint8Array[], length: number): void {
    this.flush();
    for (const part of parts) this.parts.push(part);
    this.size += length;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(Uint8Array.from(this.pending));
    this.size += this.pending.length;
    this.pending = [];
  }
}
