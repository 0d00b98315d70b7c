/**
 * A minimal protocol-buffers reader with bounds checks: every error says which message and field
 * it was reading and at which byte offset, so a truncated or foreign file is refused clearly.
 */
export class ProtoDecodeError extends Error {
  override name = "ProtoDecodeError";
}

export interface ProtoField {
  field: number;
  wire: number;
  /** varint value (wire 0) */
  int: number;
  /** fixed32/fixed64 raw bytes start (wire 1, 5) or payload (wire 2) */
  bytes: Uint8Array;
  offset: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export class ProtoReader {
  private pos = 0;

  constructor(
    private readonly buf: Uint8Array,
    private readonly context: string,
    private readonly base = 0,
  ) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  private fail(message: string): never {
    throw new ProtoDecodeError(`ONNX: ${this.context}: ${message} (byte ${this.base + this.pos})`);
  }

  /** A varint as a JS number: exact for |v| < 2^53, int64 two's complement for negatives. */
  private varint(): number {
    let result = 0;
    let scale = 1;
    const start = this.pos;
    for (let i = 0; i < 7; i++) {
      if (this.pos >= this.buf.length) this.fail("truncated varint");
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) return result;
    }
    // Longer than 49 bits: only negative int64 values (10 bytes) occur in practice; decode exactly.
    this.pos = start;
    let big = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) this.fail("truncated varint");
      const b = this.buf[this.pos++];
      big |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) {
        const signed = BigInt.asIntN(64, big);
        if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
          this.fail(`integer ${signed} is outside the safe integer range`);
        }
        return Number(signed);
      }
    }
    return this.fail("varint longer than 10 bytes");
  }

  /** Reads the next field; returns undefined at the end of the message. */
  next(): ProtoField | undefined {
    if (this.done) return undefined;
    const offset = this.base + this.pos;
    const key = this.varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0) this.fail("field number 0 is invalid: this is not a protobuf message");
    switch (wire) {
      case 0:
        return { field, wire, int: this.varint(), bytes: new Uint8Array(0), offset };
      case 1:
      case 5: {
        const n = wire === 1 ? 8 : 4;
        if (this.pos + n > this.buf.length) this.fail(`truncated ${n * 8}-bit value in field ${field}`);
        const bytes = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        return { field, wire, int: 0, bytes, offset };
      }
      case 2: {
        const n = this.varint();
        if (n < 0 || this.pos + n > this.buf.length) this.fail(`field ${field} claims ${n} bytes but only ${this.buf.length - this.pos} remain (truncated file?)`);
        const bytes = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        return { field, wire, int: 0, bytes, offset };
      }
      default:
        return this.fail(`unsupported wire type ${wire} in field ${field}`);
    }
  }

  /** A reader over a nested message field. */
  nested(f: ProtoField, context: string): ProtoReader {
    this.expectWire(f, 2);
    return new ProtoReader(f.bytes, context, f.offset);
  }

  expectWire(f: ProtoField, wire: number): void {
    if (f.wire !== wire) {
      throw new ProtoDecodeError(`ONNX: ${this.context}: field ${f.field} has wire type ${f.wire}, expected ${wire} (byte ${f.offset})`);
    }
  }

  string(f: ProtoField): string {
    this.expectWire(f, 2);
    try {
      return utf8.decode(f.bytes);
    } catch {
      throw new ProtoDecodeError(`ONNX: ${this.context}: field ${f.field} is not valid UTF-8 (byte ${f.offset})`);
    }
  }

  float(f: ProtoField): number {
    this.expectWire(f, 5);
    return new DataView(f.bytes.buffer, f.bytes.byteOffset, 4).getFloat32(0, true);
  }

  /** Repeated int64: packed (wire 2) or one varint per field occurrence (wire 0). */
  ints(f: ProtoField, into: number[]): void {
    if (f.wire === 0) {
      into.push(f.int);
      return;
    }
    const r = this.nested(f, this.context);
    while (!r.done) into.push(r.varint());
  }

  /** Repeated float: packed (wire 2) or one fixed32 per occurrence (wire 5). */
  floats(f: ProtoField, into: number[]): void {
    if (f.wire === 5) {
      into.push(this.float(f));
      return;
    }
    this.expectWire(f, 2);
    if (f.bytes.length % 4 !== 0) throw new ProtoDecodeError(`ONNX: ${this.context}: packed floats of ${f.bytes.length} bytes (byte ${f.offset})`);
    const view = new DataView(f.bytes.buffer, f.bytes.byteOffset, f.bytes.length);
    for (let i = 0; i < f.bytes.length; i += 4) into.push(view.getFloat32(i, true));
  }

  /** Repeated double: packed (wire 2) or one fixed64 per occurrence (wire 1). */
  doubles(f: ProtoField, into: number[]): void {
    const bytes = f.bytes;
    if (f.wire !== 1) this.expectWire(f, 2);
    if (bytes.length % 8 !== 0) throw new ProtoDecodeError(`ONNX: ${this.context}: packed doubles of ${bytes.length} bytes (byte ${f.offset})`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    for (let i = 0; i < bytes.length; i += 8) into.push(view.getFloat64(i, true));
  }
}
