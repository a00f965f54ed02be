/**
 * Byte builder for server-to-client IMAP streams that keeps the expected counts while it writes,
 * so every workload's `expect` is exact by construction rather than re-derived by a parser.
 */
import type { Expect } from './workload.ts';

const encoder = new TextEncoder();

/** Would this string need a literal: 8-bit, CR, LF or NUL (RFC 3501 `QUOTED-CHAR` is 7-bit). */
export function needsLiteral(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || c === 0x0d || c === 0x0a || c === 0) return true;
  }
  return false;
}

export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** UTF-8 length of a string (what `Buffer.byteLength` gave, without Node). */
export function byteLength(s: string): number {
  return encoder.encode(s).length;
}

export class ImapWriter {
  private buf: Uint8Array;
  private len = 0;
  readonly expect: Expect = { responses: 0, uidSum: 0, bodyBytes: 0 };

  constructor(initialBytes = 1 << 20) {
    this.buf = new Uint8Array(initialBytes);
  }

  get length(): number {
    return this.len;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Any JS string, written as UTF-8 (ASCII fast path). */
  text(s: string): this {
    this.reserve(s.length * 3);
    const b = this.buf;
    let p = this.len;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.len = p;
        p += encoder.encodeInto(s.slice(i), b.subarray(p)).written;
        this.len = p;
        return this;
      }
      b[p++] = c;
    }
    this.len = p;
    return this;
  }

  bytes(u8: Uint8Array): this {
    this.reserve(u8.length);
    this.buf.set(u8, this.len);
    this.len += u8.length;
    return this;
  }

  /** `"..."` with `\` and `"` escaped; the caller decides whether 8-bit is allowed here. */
  quoted(s: string): this {
    return this.text(`"${s.replace(/[\\"]/g, '\\$&')}"`);
  }

  literal(value: string | Uint8Array): this {
    const u8 = typeof value === 'string' ? utf8(value) : value;
    return this.text(`{${u8.length}}\r\n`).bytes(u8);
  }

  /** nstring the way Dovecot writes it: NIL, quoted when 7-bit, else a literal. */
  nstring(s: string | null): this {
    if (s === null) return this.text('NIL');
    return needsLiteral(s) ? this.literal(s) : this.quoted(s);
  }

  /** `UID n` (counted). */
  uid(n: number): this {
    this.expect.uidSum += n;
    return this.text(`UID ${n}`);
  }

  /** A section value written as a literal (counted in bodyBytes). */
  sectionLiteral(u8: Uint8Array): this {
    this.expect.bodyBytes += u8.length;
    return this.literal(u8);
  }

  /** Ends one server response (tagged, untagged or continuation). */
  end(): this {
    this.expect.responses++;
    return this.text('\r\n');
  }

  /** One whole response line (no literals inside). */
  line(s: string): this {
    return this.text(s).end();
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
