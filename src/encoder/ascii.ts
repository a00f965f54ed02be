/**
 * The encoder's own text (keywords, punctuation) as bytes, made once when a module loads.
 *
 * `Writer.raw()` checks every character of a string as it copies it (`charCodeAt` and a range
 * check: ~3.5 ns a character on Node 20); a keyword written on every command is checked here
 * once instead, and `Writer.text()` copies its bytes (~1.7 ns a byte). Measured on the encoder
 * bench of the benchmark suite: keywords are most of a FETCH or STORE line.
 */
import { ImapEncodeError } from './errors.ts';

/**
 * The bytes of `s`, which must be printable ASCII (`INTERNAL` otherwise: the encoder's text is
 * never anything else). The array is the caller's constant: never hand it out.
 *
 * @example
 * ```ts
 * const UID_FETCH = ascii('UID FETCH ');
 * w.text(UID_FETCH);
 * ```
 */
export function ascii(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) {
      throw new ImapEncodeError(
        'INTERNAL',
        '',
        `keyword ${JSON.stringify(s)}: byte ${i} is not printable ASCII`,
      );
    }
    b[i] = c;
  }
  return b;
}
