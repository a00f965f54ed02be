/**
 * Quoted-printable as a Content-Transfer-Encoding (RFC 2045 §6.7), decoded piece by piece.
 *
 * ```abnf
 * quoted-printable = qp-line *(CRLF qp-line)                              ; RFC 2045 §6.7
 * qp-line     = *(qp-segment transport-padding CRLF) qp-part transport-padding
 * qp-segment  = qp-section *(SPACE / TAB) "="                              ; a soft line break
 * hex-octet   = "=" 2(DIGIT / "A" / "B" / "C" / "D" / "E" / "F")
 * transport-padding = *LWSP-char  ; "MUST be deleted when decoding" (rule 3)
 * ```
 * A piece of the body may end anywhere: inside `=X`, between `=` and the CRLF of a soft line
 * break, or in white space that a CRLF would make trailing (and so deleted). Those bytes are
 * the decoder's tail, decided by the next piece or by `end()`; every octet given out is one
 * the whole body decodes to, in the same place.
 *
 * Lenient where RFC 2045 §6.7 asks to be ("a robust implementation might …"): lower-case hex
 * is accepted, an `=` that starts neither a hex octet nor a soft break is kept as it is, a bare
 * LF is a line break like CRLF (and stays a bare LF).
 */
import { hexValue } from '../lexer/chars.ts';
import type { TransferDecoder } from './transfer.ts';

const enum Ch {
  Tab = 0x09,
  Lf = 0x0a,
  Cr = 0x0d,
  Space = 0x20,
  Equals = 0x3d,
}

/** What the bytes held back so far are waiting for. */
const enum State {
  /** Nothing but, maybe, white space that a line break would delete (`white`). */
  Text = 0,
  /** A CR (after `white`): a CRLF makes a hard line break. */
  Cr = 1,
  /** `=`. */
  Eq = 2,
  /** `=` and one hex digit (`hex`). */
  EqHex = 3,
  /** `=` and white space (`white`): transport padding before a soft line break, or text. */
  EqWhite = 4,
  /** `=`, maybe white space (`white`), and a CR. */
  EqCr = 5,
}

/** A streaming quoted-printable body decoder. */
export class QuotedPrintableDecoder implements TransferDecoder {
  private state = State.Text;
  /** The held white space (spaces and tabs; in `Text`, `Cr`, `EqWhite`, `EqCr`). */
  private white = new Uint8Array(16);
  private whiteLen = 0;
  /** The first hex digit in `EqHex`, as sent. */
  private hex = 0;

  push(bytes: Uint8Array): Uint8Array {
    // Every octet out stands for an octet in: this piece's, or one held back (white space,
    // "=", a hex digit, a CR).
    const out = new Uint8Array(bytes.length + this.whiteLen + 3);
    let o = 0;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]!;
      switch (this.state) {
        case State.Text:
          o = this.text(c, out, o);
          break;
        case State.Cr:
          if (c === Ch.Lf) {
            // A hard line break: the white space before it was transport padding.
            this.whiteLen = 0;
            out[o++] = Ch.Cr;
            out[o++] = Ch.Lf;
            this.state = State.Text;
          } else {
            // A bare CR is no line break: the white space before it was text.
            o = this.flushWhite(out, o);
            out[o++] = Ch.Cr;
            this.state = State.Text;
            o = this.text(c, out, o);
          }
          break;
        case State.Eq:
          if (hexValue(c) >= 0) {
            this.hex = c;
            this.state = State.EqHex;
          } else if (c === Ch.Space || c === Ch.Tab) {
            this.hold(c);
            this.state = State.EqWhite;
          } else if (c === Ch.Cr) this.state = State.EqCr;
          else if (c === Ch.Lf) this.state = State.Text;
          else {
            out[o++] = Ch.Equals;
            this.state = State.Text;
            o = this.text(c, out, o);
          }
          break;
        case State.EqHex: {
          const l = hexValue(c);
          this.state = State.Text;
          if (l >= 0) out[o++] = (hexValue(this.hex) << 4) | l;
          else {
            out[o++] = Ch.Equals;
            out[o++] = this.hex;
            o = this.text(c, out, o);
          }
          break;
        }
        case State.EqWhite:
          if (c === Ch.Space || c === Ch.Tab) this.hold(c);
          else if (c === Ch.Cr) this.state = State.EqCr;
          else if (c === Ch.Lf) {
            this.whiteLen = 0;
            this.state = State.Text;
          } else {
            out[o++] = Ch.Equals;
            o = this.flushWhite(out, o);
            this.state = State.Text;
            o = this.text(c, out, o);
          }
          break;
        case State.EqCr:
          this.state = State.Text;
          // "=" [padding] CRLF: a soft line break, nothing comes out.
          if (c === Ch.Lf) this.whiteLen = 0;
          else {
            out[o++] = Ch.Equals;
            o = this.flushWhite(out, o);
            out[o++] = Ch.Cr;
            o = this.text(c, out, o);
          }
          break;
      }
    }
    return out.subarray(0, o);
  }

  end(): Uint8Array {
    const out = new Uint8Array(this.whiteLen + 2);
    let o = 0;
    // White space at the end of the body ends its last line: transport padding (deleted). An
    // "=" there, with or without padding or a CR, is a soft line break whose CRLF is the one
    // before the next boundary. Only "=X" and a bare CR were text.
    if (this.state === State.EqHex) {
      out[o++] = Ch.Equals;
      out[o++] = this.hex;
    } else if (this.state === State.Cr) {
      o = this.flushWhite(out, o);
      out[o++] = Ch.Cr;
    }
    this.state = State.Text;
    this.whiteLen = 0;
    return out.subarray(0, o);
  }

  /** One octet in the `Text` state. */
  private text(c: number, out: Uint8Array, o: number): number {
    if (c === Ch.Space || c === Ch.Tab) this.hold(c);
    else if (c === Ch.Cr) this.state = State.Cr;
    else if (c === Ch.Lf) {
      this.whiteLen = 0;
      out[o++] = Ch.Lf;
    } else {
      o = this.flushWhite(out, o);
      if (c === Ch.Equals) this.state = State.Eq;
      else out[o++] = c;
    }
    return o;
  }

  private hold(c: number): void {
    if (this.whiteLen === this.white.length) {
      const bigger = new Uint8Array(this.white.length * 2);
      bigger.set(this.white);
      this.white = bigger;
    }
    this.white[this.whiteLen++] = c;
  }

  private flushWhite(out: Uint8Array, o: number): number {
    out.set(this.white.subarray(0, this.whiteLen), o);
    o += this.whiteLen;
    this.whiteLen = 0;
    return o;
  }
}
