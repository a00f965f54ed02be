/**
 * Modified UTF-7 (RFC 3501 §5.1.3, kept by RFC 9051 §5.1 for IMAP4rev1 peers): how mailbox names
 * travel when UTF-8 is not enabled.
 *
 * ```abnf
 * ; printable US-ASCII but "&" stands for itself; "&-" is "&"; anything else is
 * ; "&" modified-base64(UTF-16BE) "-", with "," in place of "/" and no "=" padding
 * mutf7-char   = %x20-25 / %x27-7E / "&-" / "&" 1*B64CHAR "-"
 * B64CHAR      = ALPHA / DIGIT / "+" / ","
 * ```
 * Decoding is strict: a name that breaks a rule (an unterminated shift, a printable ASCII
 * character encoded in base64, leftover bits, a lone surrogate, two adjacent shifts, a control
 * or 8-bit byte) is not modified
 * UTF-7, and the caller falls back to reading it as UTF-8 (RFC 6855 UTF8=ACCEPT, IMAP4rev2).
 */

import { unitsString } from '../lexer/utf8.ts';

const enum C {
  Amp = 0x26, // "&"
  Minus = 0x2d, // "-"
}

/** Value of each modified-base64 byte, -1 for the rest. */
const MB64: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,';
  for (let i = 0; i < 64; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
})();

/** Code units of the name being decoded; grown on demand, reused (one string is made at the end). */
let units = new Uint16Array(256);

/**
 * Decodes `buf[start, end)` from modified UTF-7, or returns `undefined` when the bytes are not
 * valid modified UTF-7.
 *
 * @example
 * ```ts
 * decodeMutf7(new TextEncoder().encode('Re&AOc-us &- Factures'), 0, 21); // 'Reçus & Factures'
 * ```
 */
export function decodeMutf7(buf: Uint8Array, start: number, end: number): string | undefined {
  // Never more code units than bytes.
  if (units.length < end - start) units = new Uint16Array(end - start);
  const out = units;
  let n = 0;
  let i = start;
  while (i < end) {
    const c = buf[i]!;
    if (c < 0x20 || c > 0x7e) return undefined;
    i++;
    if (c !== C.Amp) {
      out[n++] = c;
      continue;
    }
    if (i < end && buf[i] === C.Minus) {
      out[n++] = C.Amp;
      i++;
      continue;
    }
    // A base64 run: 6 bits per byte into 16-bit UTF-16 code units.
    let bits = 0;
    let nbits = 0;
    let high = false;
    const first = n;
    while (i < end && buf[i] !== C.Minus) {
      const v = MB64[buf[i]!]!;
      if (v < 0) return undefined;
      bits = (bits << 6) | v;
      nbits += 6;
      if (nbits >= 16) {
        nbits -= 16;
        const u = (bits >>> nbits) & 0xffff;
        bits &= (1 << nbits) - 1;
        if (high) {
          if (u < 0xdc00 || u > 0xdfff) return undefined;
          high = false;
        } else if (u >= 0xd800 && u <= 0xdbff) high = true;
        else if ((u >= 0xdc00 && u <= 0xdfff) || (u >= 0x20 && u <= 0x7e)) return undefined;
        out[n++] = u;
      }
      i++;
    }
    // "-" ends the run; the bits left over must be fewer than 6 and all zero (RFC 2152 padding).
    if (i >= end || n === first || high || nbits >= 6 || bits !== 0) return undefined;
    i++;
    // Two shifted runs are never adjacent: an encoder writes them as one (the "null shift" `-&`).
    if (i + 1 < end && buf[i] === C.Amp && buf[i + 1] !== C.Minus) return undefined;
  }
  return unitsString(out, n);
}
