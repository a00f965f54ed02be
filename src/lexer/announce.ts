/**
 * Reads a literal announcement at the end of a line, however the line was chunked.
 *
 * ```abnf
 * literal  = "{" number64 ["+"] "}" CRLF *CHAR8   ; RFC 9051 §9 ("+": RFC 7888 LITERAL+)
 * literal8 = "~{" number64 "}" CRLF *OCTET        ; RFC 3516 (the "~" is the parser's business)
 * number64 = 1*DIGIT                              ; leading zeros allowed: {007} is 7
 * ```
 *
 * A forward automaton over the line's bytes whose state after a piece depends only on the
 * piece's end: {@link AnnounceScanner.scan} walks back from the piece's end over the bytes that
 * can belong to an announcement (digits, "+", "}", CR) to the last other byte, which either is
 * the "{" that opens one or resets the automaton, then runs forward from there. Most lines end
 * in ")" or text, so a piece costs one or two loads; a piece made only of digits is run through
 * whole, still once per byte. The state carries across chunks exactly, so the answer is the same
 * for every chunking (an earlier design kept the line's last 32 bytes and could not tell a long
 * run of digits from a count it had lost: issue #17, finding 5).
 */
import { Ch, DIGIT } from './chars.ts';

const enum Phase {
  None = 0,
  /** Just after "{". */
  Open = 1,
  /** "{" and at least one digit. */
  Digits = 2,
  /** "{" digits "+". */
  Plus = 3,
  /** "{" digits ["+"] "}". */
  Closed = 4,
  /** "{" digits ["+"] "}" CR: a line end follows if this is an announcement. */
  ClosedCr = 5,
}

/** Significant digits kept exactly; more than 10 cannot be below 2^32. */
const MAX_DIGITS = 10;
const MAX_U32 = 0xffffffff;

export class AnnounceScanner {
  private phase = Phase.None;
  /** Significant digits (leading zeros not counted), capped at MAX_DIGITS + 1. */
  private digits = 0;
  private value = 0;
  /** Absolute stream offset of the "{" of the candidate announcement. */
  private braceAt = 0;

  /** Forgets the line (a new line begins). */
  reset(): void {
    this.phase = Phase.None;
  }

  /**
   * Advances over `buf[from, to)`, the next bytes of the line (its final LF excluded);
   * `base` is the absolute stream offset of `buf[0]`.
   */
  scan(buf: Uint8Array, from: number, to: number, base: number): void {
    let i = to - 1;
    while (i >= from) {
      const c = buf[i]!;
      if (DIGIT[c] !== 1 && c !== Ch.Plus && c !== Ch.RBrace && c !== Ch.Cr) break;
      i--;
    }
    if (i >= from) {
      // buf[i] decides the state on its own: "{" opens a candidate, anything else ends one.
      if (buf[i] === Ch.LBrace) this.open(base + i);
      else this.phase = Phase.None;
      i++;
    } else i = from;
    for (; i < to; i++) this.step(buf[i]!, base + i);
  }

  private open(at: number): void {
    this.phase = Phase.Open;
    this.digits = 0;
    this.value = 0;
    this.braceAt = at;
  }

  private step(c: number, at: number): void {
    const p = this.phase;
    if (DIGIT[c] === 1) {
      if (p !== Phase.Open && p !== Phase.Digits) {
        this.phase = Phase.None;
        return;
      }
      this.phase = Phase.Digits;
      if (this.digits > 0 || c !== Ch.Zero) {
        if (this.digits <= MAX_DIGITS) this.value = this.value * 10 + (c - Ch.Zero);
        if (this.digits <= MAX_DIGITS) this.digits++;
      }
    } else if (c === Ch.Plus) this.phase = p === Phase.Digits ? Phase.Plus : Phase.None;
    else if (c === Ch.RBrace) this.phase = p === Phase.Digits || p === Phase.Plus ? Phase.Closed : Phase.None;
    else if (c === Ch.Cr) this.phase = p === Phase.Closed ? Phase.ClosedCr : Phase.None;
    else if (c === Ch.LBrace) this.open(at);
    else this.phase = Phase.None;
  }

  /** The line (scanned up to its LF) ends in an announcement. */
  get announced(): boolean {
    return this.phase === Phase.Closed || this.phase === Phase.ClosedCr;
  }

  /** The announced count, or -1 when it is 2^32 or more. */
  get count(): number {
    return this.digits > MAX_DIGITS || this.value > MAX_U32 ? -1 : this.value;
  }

  /** Absolute stream offset of the announcement's "{". */
  get at(): number {
    return this.braceAt;
  }
}
