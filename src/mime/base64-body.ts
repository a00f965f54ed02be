/**
 * Base64 as a Content-Transfer-Encoding (RFC 2045 §6.8), decoded piece by piece.
 *
 * ```abnf
 * ; RFC 2045 §6.8: lines of at most 76 characters; "Any characters outside of the base64
 * ; alphabet are to be ignored in base64-encoded data" (the CRLFs, and the odd space).
 * base64-body = *(base64-char / CRLF / other-ignored) [base64-terminal]
 * ```
 * Unlike the header and SASL base64 of `../parser/base64.ts` (one token, strict), a body is
 * cut anywhere: by the lines, by the chunks of a stream, by a partial fetch `<0.N>`. So the
 * decoder keeps the alphabet characters of an incomplete quantum (fewer than 4) as its tail
 * and gives out only the octets that quanta completed: a prefix of a body decodes to exactly
 * a prefix of the body's octets, never to a guess.
 */
import { VALUE as BASE64_VALUE } from '../parser/base64.ts';
import type { TransferDecoder } from './transfer.ts';

const PAD = 0x3d; // "="

/** A streaming base64 body decoder: the tail is at most 3 sextets (`acc`, `pending`). */
export class Base64BodyDecoder implements TransferDecoder {
  /** The sextets of the quantum in progress, oldest highest. */
  private acc = 0;
  /** How many sextets `acc` holds (0 to 3). */
  private pending = 0;

  push(bytes: Uint8Array): Uint8Array {
    const out = new Uint8Array((((this.pending + bytes.length) >> 2) + 1) * 3);
    let o = 0;
    let acc = this.acc;
    let pending = this.pending;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]!;
      const v = BASE64_VALUE[c]!;
      if (v >= 0) {
        acc = (acc << 6) | v;
        if (++pending === 4) {
          out[o++] = acc >> 16;
          out[o++] = (acc >> 8) & 0xff;
          out[o++] = acc & 0xff;
          acc = 0;
          pending = 0;
        }
      } else if (c === PAD && pending >= 2) {
        // base64-terminal: "xx==" carries one octet, "xxx=" two. Mailers that join two
        // encoded bodies leave a terminal in the middle; the data after it is decoded too.
        o = flush(out, o, acc, pending);
        acc = 0;
        pending = 0;
      }
    }
    this.acc = acc;
    this.pending = pending;
    return out.subarray(0, o);
  }

  end(): Uint8Array {
    // A body cut without its "=" padding still holds 1 or 2 octets in 2 or 3 sextets; a lone
    // sextet holds none (6 bits).
    const out = new Uint8Array(2);
    const o = flush(out, 0, this.acc, this.pending);
    this.acc = 0;
    this.pending = 0;
    return out.subarray(0, o);
  }
}

/** The octets of a quantum cut after 2 or 3 sextets (`acc` holds them, oldest highest). */
function flush(out: Uint8Array, o: number, acc: number, pending: number): number {
  if (pending === 2) out[o++] = (acc >> 4) & 0xff;
  else if (pending === 3) {
    out[o++] = (acc >> 10) & 0xff;
    out[o++] = (acc >> 2) & 0xff;
  }
  return o;
}
