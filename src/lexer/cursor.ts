/**
 * The token reader: a cursor over one framed response. Tokens are byte ranges of the frame's
 * text (`tokStart`, `tokEnd`); values are made only when a grammar function asks for one.
 *
 * Names say whether the cursor moves: `peek…` / `is…` do not, `take…` / `skip…` / `expect…` do.
 *
 * The frame is complete (the framer saw its last CRLF), so a cursor never meets "incomplete":
 * running out of bytes here is a syntax error. A grammar function that fails throws
 * `ImapParseError`; the decoder catches it at the response boundary and turns it into an error
 * value. This is not throw-and-retry on partial input: one throw ends one malformed response.
 */
import { excerptAt, ImapParseError, type ImapParseErrorCode } from '../errors.ts';
import { ASTRING_CHAR, ATOM_CHAR, Ch, DIGIT, lowerAscii, QUOTED_STOP } from './chars.ts';
import type { Frame } from './frame.ts';
import { FNV_OFFSET, FNV_PRIME, fnv1a } from './string-cache.ts';

const EMPTY = new Uint8Array(0);
/** 10^15: the low half of a long number64 holds 15 digits (exact in a double). */
const E15 = 1_000_000_000_000_000n;

const MAX_U32 = 0xffffffff;
/** 2^63 - 1: RFC 7162 `mod-sequence-value = 1*DIGIT ; Positive unsigned 63-bit integer`. */
const MAX_U63 = 0x7fffffffffffffffn;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Reports a tolerated deviation; throws in strict mode. Set by the parser. */
export type QuirkHook = (name: string, at: number) => void;

export class Cursor {
  buf: Uint8Array = EMPTY;
  pos = 0;
  end = 0;
  frame: Frame | null = null;
  /** Index of the next literal of the frame. */
  lit = 0;
  /** Parenthesis depth (checked at every "("). */
  depth = 0;
  maxDepth = 64;
  tokStart = 0;
  tokEnd = 0;
  quirk: QuirkHook = () => {};
  /** Strict mode: checks that cost a scan (NUL in literals) run only then. */
  strict = false;
  /**
   * Set only while a response that failed is read once more: a DQUOTE inside a quoted string
   * that is not followed by SP, ")", "]" or the line end is content (quirk `unescapedQuote`).
   */
  looseQuotes = false;

  /** Points the cursor at a frame. */
  reset(frame: Frame): void {
    this.frame = frame;
    this.buf = frame.buf;
    this.pos = frame.start;
    this.end = frame.end;
    this.lit = 0;
    this.depth = 0;
    this.streamedLiteral = false;
  }

  // ---- errors ------------------------------------------------------------------------------

  /** Absolute stream offset of text position `at` (-1: the offset set by `quirkAtOffset`). */
  offsetOf(at: number): number {
    if (at < 0) return this.quirkOffset;
    return this.frame === null ? at : this.frame.streamOffset(at);
  }

  /** Throws a `SYNTAX` (or other) error at `at`. */
  fail(expected: string, at: number = this.pos, code: ImapParseErrorCode = 'SYNTAX', quirk?: string): never {
    const frame = this.frame;
    const excerpt =
      frame === null
        ? excerptAt(this.buf, 0, this.end, Math.min(at, this.end))
        : frame.excerpt(Math.min(at, this.end));
    throw new ImapParseError(code, this.offsetOf(at), expected, excerpt, quirk);
  }

  // ---- single bytes ------------------------------------------------------------------------

  /** The byte at the cursor, or -1 at the end of the text. */
  peek(): number {
    return this.pos < this.end ? this.buf[this.pos]! : -1;
  }

  /** The byte `k` after the cursor, or -1. */
  peekAt(k: number): number {
    const i = this.pos + k;
    return i < this.end ? this.buf[i]! : -1;
  }

  /** Consumes byte `c` or fails with `what`. */
  expect(c: number, what: string): void {
    if (this.buf[this.pos] !== c || this.pos >= this.end) this.fail(what);
    this.pos++;
  }

  /** Consumes one SP. */
  expectSp(): void {
    if (this.buf[this.pos] !== Ch.Space || this.pos >= this.end) this.fail('SP');
    this.pos++;
  }

  /** Consumes byte `c` if present. */
  skipIf(c: number): boolean {
    if (this.pos < this.end && this.buf[this.pos] === c) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** True at CR LF (or a bare LF) that ends the response. */
  isEol(): boolean {
    const c = this.peek();
    return c === Ch.Cr || c === Ch.Lf;
  }

  /**
   * Consumes the CRLF that must end the response here (RFC 9051 `CRLF`). A bare LF was
   * reported once for the whole response by the decoder (quirk `bareLf`).
   */
  expectEnd(): void {
    if (this.peek() === Ch.Cr && this.peekAt(1) === Ch.Lf) this.pos += 2;
    else if (this.peek() === Ch.Lf) this.pos++;
    else this.fail('CRLF');
    if (this.pos !== this.end) this.fail('end of response');
  }

  /**
   * A trailing SP before CRLF (imap-codec `quirk_trailing_space_*`; seen from Yahoo and others
   * after CAPABILITY, SEARCH, STATUS, ID). Consumes it and returns true when present.
   */
  skipTrailingSpace(): boolean {
    if (this.peek() === Ch.Space && (this.peekAt(1) === Ch.Cr || this.peekAt(1) === Ch.Lf)) {
      this.quirk('trailingSpace', this.pos);
      this.pos++;
      return true;
    }
    return false;
  }

  // ---- atoms and keywords ------------------------------------------------------------------

  /** Consumes a run of bytes of class `table` (at least one) into `tokStart/tokEnd`. */
  takeRun(table: Uint8Array, what: string): void {
    const buf = this.buf;
    const end = this.end;
    let i = this.pos;
    while (i < end && table[buf[i]!] === 1) i++;
    if (i === this.pos) this.fail(what);
    this.tokStart = this.pos;
    this.tokEnd = i;
    this.pos = i;
  }

  /** `atom = 1*ATOM-CHAR` into `tokStart/tokEnd`. */
  takeAtom(): void {
    this.takeRun(ATOM_CHAR, 'atom');
  }

  /** True when the next bytes are `word` (ASCII, case-insensitive) followed by a non-atom byte. */
  isKeyword(word: string): boolean {
    const n = word.length;
    if (this.pos + n > this.end) return false;
    for (let k = 0; k < n; k++) {
      if (lowerAscii(this.buf[this.pos + k]!) !== lowerAscii(word.charCodeAt(k))) return false;
    }
    const after = this.pos + n < this.end ? this.buf[this.pos + n]! : -1;
    return after < 0 || ATOM_CHAR[after] !== 1;
  }

  /** Consumes `word` (case-insensitive) or fails. */
  expectKeyword(word: string): void {
    if (!this.isKeyword(word)) this.fail(word);
    this.pos += word.length;
  }

  /** `nil = "NIL"`: consumes it when present. */
  skipNil(): boolean {
    if ((this.peek() | 0x20) === 0x6e && this.isKeyword('NIL')) {
      this.pos += 3;
      return true;
    }
    return false;
  }

  // ---- numbers -----------------------------------------------------------------------------

  /**
   * ```abnf
   * number    = 1*DIGIT   ; Unsigned 32-bit integer (0 <= n < 4,294,967,296)
   * nz-number = digit-nz *DIGIT
   * ```
   */
  takeNumber(): number {
    const buf = this.buf;
    const start = this.pos;
    let i = start;
    let v = 0;
    while (i < this.end && DIGIT[buf[i]!] === 1) {
      v = v * 10 + (buf[i]! - Ch.Zero);
      i++;
    }
    if (i === start) this.fail('number');
    if (i - start > 10 || v > MAX_U32) this.fail('a 32-bit number', start, 'NUMBER_RANGE');
    this.pos = i;
    return v;
  }

  /** `nz-number`: a number that is not 0. */
  takeNzNumber(): number {
    const at = this.pos;
    // digit-nz first: "0" and "007" are not nz-numbers.
    if (this.peek() === Ch.Zero) this.fail('nz-number (digit-nz first)', at);
    return this.takeNumber();
  }

  /**
   * `number64 = 1*DIGIT ; Unsigned 63-bit integer` (RFC 9051), as a JS number for values that
   * are sizes (RFC822.SIZE, BINARY.SIZE): exact up to 2^53 - 1, `NUMBER_RANGE` beyond.
   */
  takeSafeNumber(): number {
    const start = this.pos;
    // Up to 15 digits (every real size): the value straight from the bytes, no bigint.
    const buf = this.buf;
    let i = start;
    let n = 0;
    while (i < this.end && i - start < 16 && DIGIT[buf[i]!] === 1) n = n * 10 + (buf[i++]! - Ch.Zero);
    if (i > start && i - start <= 15 && !(i < this.end && DIGIT[buf[i]!] === 1)) {
      this.pos = i;
      return n;
    }
    const v = this.takeNumber64();
    if (v > MAX_SAFE) this.fail('a number below 2^53', start, 'NUMBER_RANGE');
    return Number(v);
  }

  /** `mod-sequence-value` / `number64`: unsigned 63-bit, as an exact `bigint`. */
  takeNumber64(): bigint {
    const buf = this.buf;
    const start = this.pos;
    let i = start;
    while (i < this.end && DIGIT[buf[i]!] === 1) i++;
    if (i === start) this.fail('number');
    let v: bigint;
    if (i - start <= 15) {
      let n = 0;
      for (let k = start; k < i; k++) n = n * 10 + (buf[k]! - Ch.Zero);
      v = BigInt(n);
    } else {
      if (i - start > 20) this.fail('a 63-bit number', start, 'NUMBER_RANGE');
      // Above 15 digits (X-GM-MSGID, large MODSEQs): two exact halves, no decimal string.
      const split = i - 15;
      let hi = 0;
      for (let k = start; k < split; k++) hi = hi * 10 + (buf[k]! - Ch.Zero);
      let lo = 0;
      for (let k = split; k < i; k++) lo = lo * 10 + (buf[k]! - Ch.Zero);
      v = BigInt(hi) * E15 + BigInt(lo);
      if (v > MAX_U63) this.fail('a 63-bit number', start, 'NUMBER_RANGE');
    }
    this.pos = i;
    return v;
  }

  /**
   * ```abnf
   * mod-sequence-value = 1*DIGIT   ; Positive unsigned 63-bit integer (RFC 7162 §7)
   * ```
   */
  takeModSeq(): bigint {
    const at = this.pos;
    const v = this.takeNumber64();
    if (v === 0n) this.fail('mod-sequence-value (not 0)', at);
    return v;
  }

  // ---- strings -----------------------------------------------------------------------------

  /**
   * ```abnf
   * string  = quoted / literal
   * quoted  = DQUOTE *QUOTED-CHAR DQUOTE
   * QUOTED-CHAR = <any TEXT-CHAR except quoted-specials> / "\" quoted-specials / UTF8-2 / UTF8-3 / UTF8-4
   * ```
   * A quoted string without escapes, and a literal, come back as views (no copy).
   */
  takeString(): Uint8Array {
    const c = this.peek();
    if (c === Ch.DQuote) return this.takeQuoted();
    if (c === Ch.LBrace) return this.takeLiteral(false);
    return this.fail('string (quoted or literal)');
  }

  /** `nstring = string / nil` */
  takeNString(): Uint8Array | null {
    if (this.skipNil()) return null;
    return this.takeString();
  }

  /** `astring = 1*ASTRING-CHAR / string` */
  takeAString(): Uint8Array {
    const c = this.peek();
    if (c === Ch.DQuote || c === Ch.LBrace) return this.takeString();
    this.takeRun(ASTRING_CHAR, 'astring');
    return this.buf.subarray(this.tokStart, this.tokEnd);
  }

  /**
   * An `nstring` without making a view where it can be avoided: returns `-1` for NIL, `0` when
   * the value is `buf[tokStart, tokEnd)` (a quoted string without escapes), `1` when it is
   * `tokBytes` (a literal, or a quoted string with escapes). For fields decoded straight into
   * strings (ENVELOPE, BODYSTRUCTURE), this saves one object per field.
   */
  takeNStringRange(): -1 | 0 | 1 {
    const c = this.peek();
    if (c === Ch.DQuote) {
      const escapes = this.scanQuoted();
      if (escapes === 0) return 0;
      this.tokBytes = this.unescape(this.tokStart, this.tokEnd, escapes);
      return 1;
    }
    if (c === Ch.LBrace) {
      this.tokBytes = this.takeLiteral(false);
      return 1;
    }
    if (this.skipNil()) return -1;
    return this.fail('nstring (quoted, literal or NIL)');
  }

  /** The {@link fnv1a} hash of the last {@link takeNStringScanned} value's bytes. */
  tokHash = 0;
  /** The bitwise OR of its bytes (≥ 0x80: 8-bit text). */
  tokBits = 0;
  /** Whether it holds "=" (where an RFC 2047 encoded word could start). */
  tokEq = false;

  /**
   * {@link takeNStringRange}, and in the same pass over the bytes the facts that decide how
   * they become a string: {@link tokHash} for a string cache, {@link tokBits} and
   * {@link tokEq}. A quoted string without escapes is scanned once; other forms (escapes,
   * literals) are scanned again for these.
   */
  takeNStringScanned(): -1 | 0 | 1 {
    if (this.peek() === Ch.DQuote) {
      const buf = this.buf;
      const start = this.pos + 1;
      const end = this.end;
      let i = start;
      let h = FNV_OFFSET;
      let bits = 0;
      let eq = false;
      while (i < end) {
        const c = buf[i]!;
        if (QUOTED_STOP[c] !== 0) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        bits |= c;
        if (c === Ch.Eq) eq = true;
        i++;
      }
      if (i < end && buf[i] === Ch.DQuote && !this.looseQuotes) {
        this.tokStart = start;
        this.tokEnd = i;
        this.pos = i + 1;
        this.tokHash = h;
        this.tokBits = bits;
        this.tokEq = eq;
        return 0;
      }
    }
    const kind = this.takeNStringRange();
    if (kind === 0) this.scanFacts(this.buf, this.tokStart, this.tokEnd);
    else if (kind === 1) this.scanFacts(this.tokBytes, 0, this.tokBytes.length);
    return kind;
  }

  private scanFacts(buf: Uint8Array, start: number, end: number): void {
    let bits = 0;
    let eq = false;
    for (let i = start; i < end; i++) {
      bits |= buf[i]!;
      if (buf[i] === Ch.Eq) eq = true;
    }
    this.tokHash = fnv1a(buf, start, end);
    this.tokBits = bits;
    this.tokEq = eq;
  }

  /** `string` as {@link takeNStringRange} reads it (NIL is refused): `0` a range, `1` `tokBytes`. */
  takeStringRange(): 0 | 1 {
    const c = this.peek();
    if (c !== Ch.DQuote && c !== Ch.LBrace) return this.fail('string (quoted or literal)');
    return this.takeNStringRange() as 0 | 1;
  }

  /** The bytes of the last `takeNStringRange()` that returned 1. */
  tokBytes: Uint8Array = EMPTY;

  /**
   * Scans a quoted string: its content is `buf[tokStart, tokEnd)`; returns the number of escapes.
   * One table load per byte (QUOTED_STOP marks `"`, `\`, CR, LF and NUL).
   */
  private scanQuoted(): number {
    const buf = this.buf;
    const start = this.pos + 1;
    const end = this.end;
    let i = start;
    let escapes = 0;
    for (;;) {
      while (i < end && QUOTED_STOP[buf[i]!] === 0) i++;
      if (i >= end) this.fail('closing DQUOTE', i);
      const c = buf[i]!;
      if (c === Ch.DQuote) {
        if (!this.looseQuotes || closesQuoted(buf, i + 1, end)) break;
        // A DQUOTE the server did not escape (qiye.163.com, go-imap #659): part of the string.
        this.quirk('unescapedQuote', i);
        i++;
        continue;
      }
      if (c === Ch.Backslash) {
        const n = buf[i + 1];
        if (n !== Ch.DQuote && n !== Ch.Backslash) this.fail('quoted-special after "\\"', i + 1);
        escapes++;
        i += 2;
        continue;
      }
      this.fail('QUOTED-CHAR (no CR, LF or NUL)', i);
    }
    this.tokStart = start;
    this.tokEnd = i;
    this.pos = i + 1;
    return escapes;
  }

  private unescape(start: number, end: number, escapes: number): Uint8Array {
    const buf = this.buf;
    const out = new Uint8Array(end - start - escapes);
    let o = 0;
    for (let k = start; k < end; k++) {
      let c = buf[k]!;
      if (c === Ch.Backslash) c = buf[++k]!;
      out[o++] = c;
    }
    return out;
  }

  /** `quoted`, unescaped. */
  takeQuoted(): Uint8Array {
    const escapes = this.scanQuoted();
    const buf = this.buf;
    const start = this.tokStart;
    const i = this.tokEnd;
    return escapes === 0 ? buf.subarray(start, i) : this.unescape(start, i, escapes);
  }

  /**
   * ```abnf
   * literal  = "{" number64 ["+"] "}" CRLF *CHAR8
   * literal8 = "~{" number64 "}" CRLF *OCTET      ; RFC 3516
   * ```
   * The framer already cut the literal out; this reads its announcement and takes its bytes.
   */
  takeLiteral(binary = false): Uint8Array {
    const frame = this.frame;
    const at = this.pos;
    if (binary) this.expect(Ch.Tilde, '"~"');
    this.expect(Ch.LBrace, 'literal');
    const count = this.takeNumber();
    if (this.skipIf(Ch.Plus)) this.quirk('nonSyncLiteralInResponse', this.pos - 1);
    this.expect(Ch.RBrace, '"}"');
    if (this.peek() === Ch.Cr) this.pos++;
    this.expect(Ch.Lf, 'CRLF after literal announcement');
    if (frame === null || this.lit >= frame.literals.length)
      return this.fail('a literal the framer announced', at);
    const value = frame.literals[this.lit]!;
    if (frame.streamed.length > 0 && frame.streamed[this.lit] === true) {
      // Handed out in pieces already (issue #20): the value stays empty, the item is marked.
      this.streamedLiteral = true;
      this.pos = frame.resume[this.lit]!;
      this.lit++;
      return value;
    }
    if (value.length !== count) this.fail('literal of the announced size', at);
    // CHAR8 = %x01-ff: NUL belongs in literal8 only. Servers pass NUL through from 8-bit
    // bodies (quirk nulInLiteral). Only strict mode looks: V8's TypedArray indexOf is no
    // memchr, and the scan was 36% of decoding the BODY[] benchmark (1.7 GB/s → 3.1 GB/s
    // without it, 64 KiB chunks); tolerated, the quirk is not counted.
    if (!binary && this.strict) {
      const nul = value.indexOf(0);
      if (nul >= 0) this.quirkAtOffset('nulInLiteral', this.literalOffset(this.pos, count) + nul);
    }
    this.pos = frame.resume[this.lit]!;
    this.lit++;
    if (this.charCountLiterals && !binary) return this.extendByCharacters(value, count);
    return value;
  }

  /**
   * Second reading of a response that failed (see the decoder): servers that announce a
   * string's length in characters instead of octets (DavMail 6, MailKit issue #1369:
   * `(({38}\r\nРецепция Офис сграда "Данаил Дечев" №6 NIL …`) leave the rest of the string
   * in the line after the literal. Take octets from there until the value holds `count` UTF-8
   * characters.
   */
  charCountLiterals = false;

  /**
   * Text position of the response's final line end: the CR of its CRLF, or a bare LF. A CR that
   * is a literal's last byte is data, not the line end (`* X {4}` CRLF `abc` CR LF: the literal
   * is `abc` CR and the line ends in a bare LF); a contiguous frame holds its literals in the
   * text, up to the last literal's resume point. Found by the fuzzer (its first finding).
   */
  finalLineEnd(): number {
    const end = this.end;
    if (end >= 2 && this.buf[end - 2] === Ch.Cr) {
      const f = this.frame;
      const n = f === null ? 0 : f.literals.length;
      if (n === 0 || f!.resume[n - 1]! <= end - 2) return end - 2;
    }
    return end - 1;
  }

  /** Set when {@link takeLiteral} took a streamed literal; the caller marks its item and clears it. */
  streamedLiteral = false;

  private extendByCharacters(value: Uint8Array, count: number): Uint8Array {
    let chars = 0;
    for (let i = 0; i < value.length; i++) if ((value[i]! & 0xc0) !== 0x80) chars++;
    if (chars >= count) return value;
    const buf = this.buf;
    let i = this.pos;
    // Finish a character the cut split, then take whole characters.
    while (i < this.end && (buf[i]! & 0xc0) === 0x80) i++;
    while (chars < count && i < this.end && buf[i] !== Ch.Cr && buf[i] !== Ch.Lf) {
      i++;
      while (i < this.end && (buf[i]! & 0xc0) === 0x80) i++;
      chars++;
    }
    if (chars < count) this.fail('the rest of a literal counted in characters');
    this.quirk('literalCountedInCharacters', this.pos);
    const out = new Uint8Array(value.length + (i - this.pos));
    out.set(value, 0);
    out.set(buf.subarray(this.pos, i), value.length);
    this.pos = i;
    return out;
  }

  /**
   * Stream offset of the first byte of a literal whose announcement's CRLF ends at text
   * position `crlfEnd`: a contiguous frame holds the literal right there; a copied one went on
   * with the next piece after the literal's bytes.
   */
  literalOffset(crlfEnd: number, count: number): number {
    const frame = this.frame!;
    return frame.segText.length === 0 ? frame.streamOffset(crlfEnd) : frame.streamOffset(crlfEnd) - count;
  }

  /** A quirk at an absolute stream offset (inside a literal, which has no text position). */
  quirkAtOffset(name: string, offset: number): void {
    this.quirkOffset = offset;
    try {
      this.quirk(name, -1);
    } finally {
      this.quirkOffset = -1;
    }
  }

  /** Set while a quirk is reported at an absolute offset (see `quirkAtOffset`). */
  quirkOffset = -1;

  /** Steps into a "(": counts depth against `maxDepth` (`DEPTH_EXCEEDED`). */
  enter(): void {
    this.expect(Ch.LParen, '"("');
    if (++this.depth > this.maxDepth)
      this.fail(`nesting of at most ${this.maxDepth}`, this.pos - 1, 'DEPTH_EXCEEDED');
  }

  /** Steps out of a ")". */
  leave(): void {
    this.expect(Ch.RParen, '")"');
    this.depth--;
  }
}

/**
 * Whether a DQUOTE before `buf[at]` can close a quoted string when quotes are read loosely: what
 * follows a string in the grammar is SP, ")", "]" or the line end.
 */
function closesQuoted(buf: Uint8Array, at: number, end: number): boolean {
  if (at >= end) return true;
  const c = buf[at]!;
  return c === Ch.Space || c === Ch.RParen || c === Ch.RBracket || c === Ch.Cr || c === Ch.Lf;
}
