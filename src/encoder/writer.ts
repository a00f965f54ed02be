/**
 * The line builder every command encoder writes through, and the choice of string form.
 *
 * ```abnf
 * astring     = 1*ASTRING-CHAR / string                 ; RFC 9051 §9
 * string      = quoted / literal
 * nstring     = string / nil
 * quoted      = DQUOTE *QUOTED-CHAR DQUOTE
 * QUOTED-CHAR = <any TEXT-CHAR except quoted-specials> / "\" quoted-specials / UTF8-2 / UTF8-3 / UTF8-4
 * literal     = "{" number64 ["+"] "}" CRLF *CHAR8      ; CHAR8 = %x01-ff: no NUL
 * literal8    = "~{" number64 ["+"] "}" CRLF *OCTET     ; RFC 3516
 * ```
 *
 * Why injection cannot happen: a value reaches a line only as an atom (its bytes checked against
 * the ABNF table), a number (digits only) or a quoted string (no CR, LF or NUL, `"` and `\`
 * escaped); everything else becomes a literal, whose length is its byte count. And every byte
 * is checked once more as the writer puts it into the line: the encoder's own text must be
 * printable ASCII, value bytes must not be CR, LF or NUL (`INTERNAL` if one would get there: a
 * bug); the line is cut there, so nothing is emitted.
 */
import { ASTRING_CHAR, ATOM_CHAR, Ch } from '../lexer/chars.ts';
import { ImapEncodeError } from './errors.ts';
import type { Fragment, LiteralMode } from './fragment.ts';
import { type EncodeContext, LITERAL_MINUS_MAX } from './options.ts';
import { abandonSlab, leaseSlab, returnSlab, slabArrayBuffer, slabOffset } from './slab.ts';

/** `list-char = ATOM-CHAR / list-wildcards / resp-specials` (RFC 3501 §9): a LIST pattern atom. */
export const LIST_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) t[c] = ASTRING_CHAR[c] === 1 || c === Ch.Percent || c === Ch.Star ? 1 : 0;
  return t;
})();

/**
 * Longest value sent as a quoted string; longer ones go as literals. RFC 2683 §3.2.1.5 asks
 * clients to keep command lines under 8000 octets, and a few long quoted values would pass that.
 */
export const QUOTED_MAX = 1024;

/** The form a string value takes on the wire. */
export type StringForm = 'atom' | 'quoted' | 'literal';

const utf8 = new TextEncoder();

/**
 * A value's UTF-8 bytes (a `Uint8Array` is taken as is). `INVALID_UNICODE` for a lone surrogate,
 * which `TextEncoder` would silently turn into U+FFFD.
 *
 * @example
 * ```ts
 * valueBytes('café', 'subject'); // Uint8Array [0x63, 0x61, 0x66, 0xc3, 0xa9]
 * ```
 */
export function valueBytes(v: unknown, field: string): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v !== 'string')
    throw new ImapEncodeError('INVALID_ARGUMENT', field, 'expected a string or bytes');
  for (let i = 0; i < v.length; i++) {
    const u = v.charCodeAt(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u <= 0xdbff) {
      const next = v.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    throw new ImapEncodeError('INVALID_UNICODE', field, `lone UTF-16 surrogate at index ${i}`);
  }
  return utf8.encode(v);
}

/** True when `b[i..]` starts a valid UTF-8 sequence of 2–4 bytes; returns its length or 0. */
function utf8Seq(b: Uint8Array, i: number): number {
  const c = b[i]!;
  let n: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) [n, min] = [2, 0x80];
  else if (c >= 0xe0 && c <= 0xef) [n, min] = [3, 0x800];
  else if (c >= 0xf0 && c <= 0xf4) [n, min] = [4, 0x10000];
  else return 0;
  if (i + n > b.length) return 0;
  let cp = c & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const d = b[i + k]!;
    if ((d & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

const isNil = (b: Uint8Array): boolean =>
  b.length === 3 && (b[0]! | 0x20) === 0x6e && (b[1]! | 0x20) === 0x69 && (b[2]! | 0x20) === 0x6c;

/**
 * Chooses the form of a string value: an atom when every byte is in `atomTable` (and the value
 * is not `NIL`, which would read as nil where an nstring may stand), quoted when every byte is
 * printable 7-bit (or valid UTF-8 with `utf8`) and it is at most {@link QUOTED_MAX} bytes, else
 * a literal. A NUL byte always means literal (and only `literal8` can carry it).
 *
 * @example
 * ```ts
 * stringForm(bytes('INBOX'), ctx, ASTRING_CHAR); // 'atom'
 * stringForm(bytes('a b'), ctx, ASTRING_CHAR);   // 'quoted'
 * stringForm(bytes('a\r\nb'), ctx, null);        // 'literal'
 * ```
 */
export function stringForm(b: Uint8Array, ctx: EncodeContext, atomTable: Uint8Array | null): StringForm {
  let atom = atomTable !== null && b.length > 0 && !isNil(b);
  if (b.length > QUOTED_MAX) {
    if (!atom) return 'literal';
    for (let i = 0; i < b.length; i++) if (atomTable![b[i]!] !== 1) return 'literal';
    return 'atom';
  }
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (atom && atomTable![c] !== 1) atom = false;
    if (c >= 0x20 && c < 0x7f) continue;
    if (c >= 0x80 && ctx.utf8) {
      const n = utf8Seq(b, i);
      if (n > 0) {
        i += n - 1;
        continue;
      }
    }
    return 'literal';
  }
  return atom ? 'atom' : 'quoted';
}

/**
 * Builds the fragments of one command: bytes are appended to the current line; a literal ends
 * the line with its announcement. Methods that take a caller's value check it and name `field`
 * in their error.
 *
 * Lines are written straight into the shared slab (./slab.ts) and handed out as views of it;
 * a writer made while another one is writing (re-entrant use) gets a buffer of its own. Call
 * {@link Writer.finish} or, when encoding failed, {@link Writer.abandon}.
 */
export class Writer {
  /** The connection's capabilities (set again by {@link Writer.reopen}). */
  ctx: EncodeContext;
  /** A whole `new Uint8Array(n)` (byteOffset 0), the slab or the writer's own. */
  private buf: Uint8Array;
  /** `buf.buffer`, kept: the getter costs as much as a short line. */
  private ab: ArrayBufferLike;
  /** Where the current line starts in `buf`. */
  private start: number;
  /** Where the next byte goes. */
  private len: number;
  /** `buf` is (or replaced) the leased slab, and the slab is still leased. */
  private pooled: boolean;
  /** The fragments before the last line; `null` until a literal ends a line (most commands have none). */
  private out: Fragment[] | null = null;

  constructor(ctx: EncodeContext) {
    this.ctx = ctx;
    const slab = leaseSlab();
    this.pooled = slab !== null;
    this.buf = slab ?? new Uint8Array(256);
    this.ab = slab === null ? this.buf.buffer : slabArrayBuffer();
    this.start = this.len = slab === null ? 0 : slabOffset();
  }

  /**
   * Makes a writer that has finished or been abandoned ready for the next command, as a new one
   * would be (the caller keeps one spare writer: one object less per command). False, changing
   * nothing, while another writer holds the slab: the caller then makes a writer of its own.
   */
  reopen(ctx: EncodeContext): boolean {
    if (this.pooled) return false;
    const slab = leaseSlab();
    if (slab === null) return false;
    // Stored only when changed: this writer lives long (old space), a new slab is young, and
    // each store of a young object into an old one takes V8's write-barrier slow path.
    if (this.ctx !== ctx) this.ctx = ctx;
    if (this.buf !== slab) {
      this.buf = slab;
      this.ab = slabArrayBuffer();
    }
    this.pooled = true;
    this.start = this.len = slabOffset();
    if (this.out !== null) this.out = null;
    return true;
  }

  /** Makes room for `n` more bytes; the current line moves to a new buffer when it must. */
  private room(n: number): void {
    if (this.len + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    const line = this.len - this.start;
    const next = new Uint8Array(Math.max(this.buf.length, 2 * (line + n)));
    next.set(this.buf.subarray(this.start, this.len));
    this.buf = next;
    this.ab = next.buffer;
    this.start = 0;
    this.len = line;
  }

  /** `INTERNAL`: a byte that must never be in a line got as far as the writer (a bug). */
  private refuse(c: number, o: number): never {
    throw new ImapEncodeError('INTERNAL', '', `byte 0x${c.toString(16)} inside a line at ${o - this.start}`);
  }

  /**
   * Appends bytes to the line: bytes already checked against the grammar (atoms, a response's
   * text). A CR, LF or NUL among them is still refused (`INTERNAL`).
   */
  put(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let o = this.len;
    for (let i = 0; i < n; i++) {
      const c = b[i]!;
      // CR, LF and NUL are all below 14: one comparison for almost every byte.
      if (c <= Ch.Cr && (c === Ch.Cr || c === Ch.Lf || c === Ch.Nul)) this.refuse(c, o);
      buf[o++] = c;
    }
    this.len = o;
  }

  /** Appends the encoder's own text (keywords, punctuation, checked atoms): printable ASCII only. */
  raw(s: string): this {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let o = this.len;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) this.refuse(c, o);
      buf[o++] = c;
    }
    this.len = o;
    return this;
  }

  /** Appends the encoder's own text made by `ascii()` (./ascii.ts: checked there, copied here). */
  text(b: Uint8Array): this {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let o = this.len;
    for (let i = 0; i < n; i++) buf[o++] = b[i]!;
    this.len = o;
    return this;
  }

  /**
   * Writes `s` when it is an atom of `table` after its first `from` characters (a flag's `\`),
   * and returns true; writes nothing and returns false otherwise (the caller then throws, naming
   * the field). Checks and copies in one pass.
   */
  atomText(s: string, table: Uint8Array, from = 0): boolean {
    const n = s.length;
    if (n <= from) return false;
    this.room(n);
    const buf = this.buf;
    let o = this.len;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (i < from ? c < 0x20 || c > 0x7e : c > 0x7f || table[c] !== 1) return false;
      buf[o++] = c;
    }
    this.len = o;
    return true;
  }

  /** Appends one byte of the encoder's own text (printable ASCII). */
  byte(c: number): this {
    if (c < 0x20 || c > 0x7e) this.refuse(c, this.len);
    this.room(1);
    this.buf[this.len++] = c;
    return this;
  }

  sp(): this {
    return this.byte(Ch.Space);
  }

  /** Appends the decimal digits of a non-negative safe integer (already checked). */
  digits(n: number): this {
    if (n < 10) return this.byte(0x30 + n);
    // The digit count by comparisons: sequence numbers, UIDs and MODSEQs have 4 to 10 digits.
    let k: number;
    if (n < 100000) k = n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5;
    else if (n < 10000000000)
      k = n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
    else {
      k = 11;
      for (let p = 1e11; p <= n && k < 16; p *= 10) k++;
    }
    this.room(k);
    const buf = this.buf;
    let o = this.len + k;
    this.len = o;
    for (; n > 0x7fffffff; n = Math.floor(n / 10)) buf[--o] = 0x30 + (n % 10);
    // Small integers: integer division.
    for (; n > 0; n = (n / 10) | 0) buf[--o] = 0x30 + (n % 10);
    return this;
  }

  /** An atom-only value (`INVALID_ATOM` for any byte outside `table`, or an empty value). */
  atom(v: unknown, field: string, table: Uint8Array = ATOM_CHAR, what = 'an atom'): this {
    if (typeof v !== 'string') throw new ImapEncodeError('INVALID_ARGUMENT', field, `expected ${what}`);
    if (v.length === 0)
      throw new ImapEncodeError('INVALID_ATOM', field, `expected ${what}, got an empty string`);
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c > 0xff || table[c] !== 1) {
        throw new ImapEncodeError('INVALID_ATOM', field, `${JSON.stringify(v)} is not ${what} (index ${i})`);
      }
    }
    return this.raw(v);
  }

  /** `number`: an unsigned 32-bit integer (`nz`: not 0). */
  number(v: unknown, field: string, nz = false): this {
    return this.digits(checkNumber(v, field, nz));
  }

  /** `number64` / `mod-sequence-value`: 0 ≤ v < 2^63, as a `bigint` (or a safe integer). */
  number64(v: unknown, field: string, nz = false): this {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= (nz ? 1 : 0)) return this.digits(v);
    if (typeof v === 'bigint') {
      // Exact below 2^53, and rounding keeps every larger value above MAX_SAFE_INTEGER.
      const n = Number(v);
      if (n >= (nz ? 1 : 0) && n <= Number.MAX_SAFE_INTEGER) return this.digits(n);
    }
    return this.raw(checkNumber64(v, field, nz).toString());
  }

  /** `astring`: atom, quoted or literal. */
  astring(v: unknown, field: string): this {
    if (typeof v === 'string' && this.asciiString(v, ASTRING_CHAR)) return this;
    return this.stringBytes(valueBytes(v, field), field, ASTRING_CHAR, false);
  }

  /** `string`: quoted or literal, never an atom (ID fields, search values). */
  string(v: unknown, field: string): this {
    if (typeof v === 'string' && this.asciiString(v, null)) return this;
    return this.stringBytes(valueBytes(v, field), field, null, false);
  }

  /**
   * The form {@link stringForm} gives a string of printable ASCII (its UTF-8 bytes are its
   * characters), written without making its bytes first. Returns false, having written nothing,
   * for any other string (or one longer than {@link QUOTED_MAX}).
   */
  asciiString(s: string, atomTable: Uint8Array | null): boolean {
    const n = s.length;
    if (n > QUOTED_MAX) return false;
    // One pass checks the characters and copies them where the likely form puts them (an atom
    // at the line's end, a quoted string one byte later); only the other form takes a second.
    this.room(n + 2);
    const buf = this.buf;
    const from = this.len;
    let o = atomTable === null ? from + 1 : from;
    let atom = atomTable !== null && n > 0;
    let escapes = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) return false;
      if (atom && atomTable![c] !== 1) atom = false;
      if (c === Ch.DQuote || c === Ch.Backslash) escapes++;
      buf[o++] = c;
    }
    if (atom && !(n === 3 && s.toLowerCase() === 'nil')) {
      this.len = o;
      return true;
    }
    if (atomTable === null && escapes === 0) {
      buf[from] = Ch.DQuote;
      buf[o++] = Ch.DQuote;
      this.len = o;
      return true;
    }
    this.room(n + escapes + 2);
    const out = this.buf;
    o = this.len;
    out[o++] = Ch.DQuote;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === Ch.DQuote || c === Ch.Backslash) out[o++] = Ch.Backslash;
      out[o++] = c;
    }
    out[o++] = Ch.DQuote;
    this.len = o;
    return true;
  }

  /** A value the grammar has only as `quoted` (RFC 7162 `entry-name`): printable 7-bit. */
  quoted(v: unknown, field: string): this {
    const b = valueBytes(v, field);
    for (let i = 0; i < b.length; i++) {
      if (b[i]! < 0x20 || b[i]! > 0x7e) {
        throw new ImapEncodeError(
          'INVALID_ARGUMENT',
          field,
          'this value is always a quoted string: printable ASCII only',
        );
      }
    }
    this.quotedBytes(b);
    return this;
  }

  /** `nstring`: `null` is NIL. */
  nstring(v: unknown, field: string): this {
    return v === null ? this.raw('NIL') : this.string(v, field);
  }

  /** A value in the form {@link stringForm} chooses; `binary`: a NUL is sent as `literal8`. */
  stringBytes(b: Uint8Array, field: string, atomTable: Uint8Array | null, binary: boolean): this {
    const form = stringForm(b, this.ctx, atomTable);
    if (form === 'atom') this.put(b);
    else if (form === 'quoted') this.quotedBytes(b);
    else {
      const nul = b.indexOf(0) >= 0;
      if (nul && !(binary && this.ctx.binary)) {
        throw new ImapEncodeError(
          'NUL_IN_STRING',
          field,
          binary
            ? 'a NUL byte can only be sent as literal8, and the server lacks BINARY'
            : 'a NUL byte cannot be sent here',
        );
      }
      this.literal(b, nul);
    }
    return this;
  }

  /**
   * Writes `b` as a quoted string, `"` and `\\` escaped, whatever its bytes (8-bit included): for
   * values the grammar has only as `quoted` and that may be UTF-8 (a hierarchy delimiter,
   * RFC 9051 `QUOTED-CHAR`). A CR, LF or NUL is refused (`INTERNAL`): check before.
   */
  quotedBytes(b: Uint8Array): void {
    this.room(b.length * 2 + 2);
    const buf = this.buf;
    let o = this.len;
    buf[o++] = Ch.DQuote;
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c <= Ch.Cr && (c === Ch.Cr || c === Ch.Lf || c === Ch.Nul)) this.refuse(c, o);
      if (c === Ch.DQuote || c === Ch.Backslash) buf[o++] = Ch.Backslash;
      buf[o++] = c;
    }
    buf[o++] = Ch.DQuote;
    this.len = o;
  }

  /** The mode a literal of `size` bytes gets from the capabilities. */
  literalMode(size: number, binary: boolean): LiteralMode {
    const nonsync = this.ctx.literalPlus || (this.ctx.literalMinus && size <= LITERAL_MINUS_MAX);
    if (binary) return nonsync ? 'binary-nonsync' : 'binary';
    return nonsync ? 'nonsync' : 'sync';
  }

  /**
   * Ends the line with a literal announcement and adds the literal (`binary`: `~{n}`). The bytes
   * are not copied: a caller's `Uint8Array` is the fragment's.
   */
  literal(b: Uint8Array, binary: boolean): this {
    const mode = this.literalMode(b.length, binary);
    if (binary) this.byte(Ch.Tilde);
    this.byte(Ch.LBrace).digits(b.length);
    if (mode === 'nonsync' || mode === 'binary-nonsync') this.byte(Ch.Plus);
    this.byte(Ch.RBrace);
    const line = this.endLine();
    const literal: Fragment = { type: 'literal', mode, bytes: b };
    if (this.out === null) this.out = [line, literal];
    else this.out.push(line, literal);
    return this;
  }

  /** Ends the line with CRLF (no byte before it can be CR, LF or NUL: each was checked as written). */
  private endLine(): Fragment {
    this.room(2);
    const buf = this.buf;
    let o = this.len;
    buf[o++] = Ch.Cr;
    buf[o++] = Ch.Lf;
    // The constructor on the kept buffer, not subarray(): no getter, no species lookup.
    const line: Fragment = { type: 'line', bytes: new Uint8Array(this.ab, this.start, o - this.start) };
    this.start = this.len = o;
    return line;
  }

  /** Ends the command (CRLF) and returns its fragments. */
  finish(): Fragment[] {
    const line = this.endLine();
    if (this.pooled) {
      this.pooled = false;
      returnSlab(this.buf, this.len);
    }
    if (this.out === null) return [line];
    this.out.push(line);
    return this.out;
  }

  /** Encoding failed: gives the slab back without handing out anything written (idempotent). */
  abandon(): void {
    if (this.pooled) {
      this.pooled = false;
      abandonSlab();
    }
  }
}

/** True for what {@link checkNumber} accepts. */
export function isNumber32(v: unknown, nz: boolean): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= (nz ? 1 : 0) && v <= 0xffffffff;
}

/** Checks an unsigned 32-bit integer (`nz`: ≥ 1). */
export function checkNumber(v: unknown, field: string, nz = false): number {
  if (!isNumber32(v, nz)) {
    throw new ImapEncodeError(
      'INVALID_NUMBER',
      field,
      `expected an integer ${nz ? '1' : '0'}..4294967295, got ${describe(v)}`,
    );
  }
  return v;
}

const MAX_63 = 0x7fffffffffffffffn;

/** Checks a 63-bit unsigned value: a `bigint`, or a `number` that is a safe integer. */
export function checkNumber64(v: unknown, field: string, nz = false): bigint {
  let b: bigint | undefined;
  if (typeof v === 'bigint') b = v;
  else if (typeof v === 'number' && Number.isSafeInteger(v)) b = BigInt(v);
  if (b === undefined || b < (nz ? 1n : 0n) || b > MAX_63) {
    throw new ImapEncodeError(
      'INVALID_NUMBER',
      field,
      `expected an integer ${nz ? '1' : '0'}..2^63-1 (a bigint), got ${describe(v)}`,
    );
  }
  return b;
}

/** A short description of a bad value for an error message (never the whole value). */
export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}
