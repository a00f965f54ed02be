/**
 * UTF-8 to string for the short values IMAP carries (display names, subjects, mailbox names),
 * checked in JavaScript: a `TextDecoder.decode` call costs about 400 ns on Node 20 whatever the
 * length (a C++ boundary crossing and a view object), more than decoding a 30-byte name by hand.
 * A value found valid is made by Node's `utf8Slice` from 16 bytes on (./node-slices.ts, ~70-90
 * ns), else from the code units decoded on the way. Values over 256 bytes go to `TextDecoder`.
 *
 * ```abnf
 * UTF8-char = UTF8-1 / UTF8-2 / UTF8-3 / UTF8-4                    ; RFC 3629 §4
 * UTF8-2    = %xC2-DF UTF8-tail
 * UTF8-3    = %xE0 %xA0-BF UTF8-tail / %xE1-EC 2( UTF8-tail ) /
 *             %xED %x80-9F UTF8-tail / %xEE-EF 2( UTF8-tail )
 * UTF8-4    = %xF0 %x90-BF 2( UTF8-tail ) / %xF1-F3 3( UTF8-tail ) / %xF4 %x80-8F 2( UTF8-tail )
 * ```
 * Exactly the bytes RFC 3629 allows (no overlongs, no surrogates, nothing above U+10FFFF), as
 * `new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })` accepts. A leading EF BB BF is
 * U+FEFF like any other character: a protocol string is not a file, and RFC 3629 §6 asks
 * protocols that mandate UTF-8 not to use it as a signature, so where it comes it is data (a
 * password, a mailbox name). `TextDecoder` drops it unless `ignoreBOM` (issue #17: LOGIN's
 * password "\ufeffpw" read back as "pw", a LIST mailbox EF BB BF "Box" as "Box").
 */

import { NATIVE_MIN, utf8Slice } from './node-slices.ts';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Longest input decoded here; longer goes to `TextDecoder` (its per-call cost no longer dominates). */
const JS_MAX = 256;
/** UTF-16 code units of the value being decoded (a surrogate pair takes two). */
const units = new Uint16Array(JS_MAX);

/** Largest argument count passed to `String.fromCharCode.apply` at once (the stack bounds it). */
const APPLY_MAX = 8192;

/**
 * UTF-16 code units `u[0, n)` as a string: up to 256 (every real name) in fixed-arity
 * `fromCharCode` calls of eight, no `subarray` view and no `apply` (each costs more than the
 * string, Node 20); longer ones by `apply` in bounded pieces. Also modified UTF-7's output.
 */
export function unitsString(u: Uint16Array, n: number): string {
  const f = String.fromCharCode;
  if (n <= 256) {
    let s = '';
    let i = 0;
    for (; i + 8 <= n; i += 8)
      s += f(u[i]!, u[i + 1]!, u[i + 2]!, u[i + 3]!, u[i + 4]!, u[i + 5]!, u[i + 6]!, u[i + 7]!);
    for (; i < n; i++) s += f(u[i]!);
    return s;
  }
  let s = '';
  for (let k = 0; k < n; k += APPLY_MAX)
    s += f.apply(null, u.subarray(k, Math.min(n, k + APPLY_MAX)) as unknown as number[]);
  return s;
}

/**
 * `buf[start, end)` decoded as UTF-8, or `undefined` when it is not valid UTF-8. A leading BOM
 * stays (U+FEFF), as everywhere in a value.
 */
export function utf8Strict(buf: Uint8Array, start: number, end: number): string | undefined {
  if (end - start > JS_MAX) {
    try {
      return fatal.decode(buf.subarray(start, end));
    } catch {
      return undefined;
    }
  }
  let i = start;
  let n = 0;
  while (i < end) {
    const c = buf[i]!;
    if (c < 0x80) {
      units[n++] = c;
      i++;
      continue;
    }
    if (c < 0xc2 || c > 0xf4) return undefined;
    if (c < 0xe0) {
      const t = buf[i + 1]! ^ 0x80;
      if (i + 1 >= end || t > 0x3f) return undefined;
      units[n++] = ((c & 0x1f) << 6) | t;
      i += 2;
      continue;
    }
    if (c < 0xf0) {
      if (i + 2 >= end) return undefined;
      const b1 = buf[i + 1]!;
      const t2 = buf[i + 2]! ^ 0x80;
      const lo = c === 0xe0 ? 0xa0 : 0x80;
      const hi = c === 0xed ? 0x9f : 0xbf;
      if (b1 < lo || b1 > hi || t2 > 0x3f) return undefined;
      units[n++] = ((c & 0x0f) << 12) | ((b1 & 0x3f) << 6) | t2;
      i += 3;
      continue;
    }
    if (i + 3 >= end) return undefined;
    const b1 = buf[i + 1]!;
    const t2 = buf[i + 2]! ^ 0x80;
    const t3 = buf[i + 3]! ^ 0x80;
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi || t2 > 0x3f || t3 > 0x3f) return undefined;
    const cp = (((c & 0x07) << 18) | ((b1 & 0x3f) << 12) | (t2 << 6) | t3) - 0x10000;
    units[n++] = 0xd800 | (cp >> 10);
    units[n++] = 0xdc00 | (cp & 0x3ff);
    i += 4;
  }
  // Checked valid: from 16 bytes on, Node's utf8Slice makes the string in one call
  // (./node-slices.ts); the code units decoded above are the fallback.
  if (end - start >= NATIVE_MIN && utf8Slice !== undefined) return utf8Slice.call(buf, start, end);
  return unitsString(units, n);
}
