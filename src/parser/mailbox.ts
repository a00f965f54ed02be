/**
 * Mailbox names and hierarchy delimiters, shared by LIST, LSUB, STATUS, NAMESPACE, ACL, QUOTAROOT,
 * METADATA and NOTIFY's OLDNAME.
 *
 * ```abnf
 * mailbox   = "INBOX" / astring
 *             ; INBOX is case-insensitive. All case variants of INBOX (e.g., "iNbOx")
 *             ; MUST be interpreted as INBOX not as an astring.          (RFC 9051 §9)
 * delimiter = DQUOTE QUOTED-CHAR DQUOTE / nil                           (in mailbox-list)
 * ```
 * A name is read as bytes (atom, quoted or literal: `2024:Q1` and `12:30` are names, never
 * sequence sets) and kept raw; its string is the modified UTF-7 decoding (RFC 3501 §5.1.3) when
 * the bytes are valid modified UTF-7, else their UTF-8 reading (RFC 6855 UTF8=ACCEPT and
 * IMAP4rev2 send UTF-8), with U+FFFD where they are not valid UTF-8 either. Only the session
 * knows which of the two the server meant; the raw bytes settle it.
 */
import { ASTRING_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { fnv1a } from '../lexer/string-cache.ts';
import { asciiString, textString, utf8OrUndefined } from '../lexer/strings.ts';
import { TextCache } from '../lexer/text-cache.ts';
import { takeAStringView, view } from './astring.ts';
import { decodeMutf7 } from './mutf7.ts';

/** True when `b` is `word` (ASCII letters, compared case-insensitively). */
export function bytesEqualKeyword(b: Uint8Array, word: string): boolean {
  if (b.length !== word.length) return false;
  for (let i = 0; i < b.length; i++) if ((b[i]! | 0x20) !== (word.charCodeAt(i) | 0x20)) return false;
  return true;
}

/**
 * Names up to 128 bytes that need decoding (modified UTF-7 shifts, 8-bit bytes), keyed by their
 * bytes as sent: NOTIFY and IDLE sessions name the same few mailboxes over and over, and
 * decoding costs more than hashing. Plain ASCII names are their own string and are not hashed.
 * 128, not 64: in the widened LIST+STATUS corpus (issue #23: folder trees three and four deep,
 * modified UTF-7 segments) 8 % of the names are longer than 64 bytes, 0.02 % longer than 128.
 */
const decoded = new TextCache(1024, 128);

/**
 * The last name made, and its bytes (copied): LIST-STATUS (RFC 5819) names each mailbox twice
 * in a row (the STATUS right after its LIST), and comparing with the last name costs less than
 * making it again.
 */
const lastBytes = new Uint8Array(256);
let lastLength = -1;
let lastName = '';

/**
 * The string of a name's bytes without INBOX folding (namespace prefixes, Gmail labels):
 * modified UTF-7 when valid, else UTF-8.
 */
export function nameString(raw: Uint8Array): string {
  const n = raw.length;
  if (n === lastLength) {
    let k = 0;
    while (k < n && raw[k] === lastBytes[k]) k++;
    if (k === n) return lastName;
  }
  let bits = 0;
  let amp = false;
  for (let i = 0; i < n; i++) {
    const c = raw[i]!;
    bits |= c;
    if (c === 0x26) amp = true;
  }
  let s: string;
  // Pure ASCII without "&" reads the same both ways.
  if (bits < 0x80 && !amp) s = asciiString(raw, 0, n);
  else if (n > decoded.width) return decodeName(raw, n, bits);
  else {
    const h = fnv1a(raw, 0, n);
    s = decoded.get(raw, 0, n, h) ?? decoded.set(raw, 0, n, h, decodeName(raw, n, bits));
  }
  if (n <= lastBytes.length) {
    for (let i = 0; i < n; i++) lastBytes[i] = raw[i]!;
    lastLength = n;
    lastName = s;
  }
  return s;
}

/** `raw` (with "&" or 8-bit bytes) to its string: 8-bit as UTF-8; else modified UTF-7 when valid. */
function decodeName(raw: Uint8Array, n: number, bits: number): string {
  if (bits >= 0x80) return textString(raw, 0, n);
  return decodeMutf7(raw, 0, n) ?? asciiString(raw, 0, n);
}

/**
 * The string of a `mailbox`: {@link nameString}, with every case variant of INBOX as `INBOX`.
 *
 * @example
 * ```ts
 * mailboxName(new TextEncoder().encode('&ZeVnLIqe-')); // '日本語'
 * mailboxName(new TextEncoder().encode('inbox'));      // 'INBOX'
 * ```
 */
export function mailboxName(raw: Uint8Array): string {
  if (raw.length === 5 && bytesEqualKeyword(raw, 'INBOX')) return 'INBOX';
  return nameString(raw);
}

/**
 * A `mailbox` as bytes (LIST, LSUB, STATUS). An unquoted name with 8-bit bytes (`* STATUS Отправленные
 * (…)`, `* LIST () "/" Entwürfe`) is quirk `unquoted8BitMailbox`: ASTRING-CHAR is 7-bit, and UTF-8
 * (RFC 6855, RFC 9051) must be quoted or a literal. The 8-bit bytes are read only once the
 * 7-bit run stopped on one: no cost for a valid name.
 */
export function takeMailboxView(cur: Cursor): Uint8Array {
  const c = cur.peek();
  if (c === Ch.DQuote || c === Ch.LBrace) return takeAStringView(cur);
  const buf = cur.buf;
  const end = cur.end;
  const start = cur.pos;
  let i = start;
  while (i < end && ASTRING_CHAR[buf[i]!] === 1) i++;
  if (i < end && buf[i]! >= 0x80) {
    cur.quirk('unquoted8BitMailbox', i);
    while (i < end && (ASTRING_CHAR[buf[i]!] === 1 || buf[i]! >= 0x80)) i++;
  }
  if (i === start) cur.fail('astring');
  cur.pos = i;
  return view(buf, start, i);
}

/**
 * `(DQUOTE QUOTED-CHAR DQUOTE / nil)`: one character, escaped or not, or `null` for a flat
 * hierarchy (RFC 9051 §7.3.1; seznam.cz, uw-imap and Yahoo's NAMESPACE send NIL).
 */
export function takeDelimiter(cur: Cursor): string | null {
  if (cur.skipNil()) return null;
  const at = cur.pos;
  // The usual case, `"/"` or `"."`: one printable ASCII byte, without making a view.
  const buf = cur.buf;
  const c = buf[at + 1]!;
  if (buf[at] === Ch.DQuote && at + 2 < cur.end && buf[at + 2] === Ch.DQuote && c > 0x20 && c < 0x7f) {
    if (c !== Ch.DQuote && c !== Ch.Backslash) {
      cur.pos = at + 3;
      return String.fromCharCode(c);
    }
  }
  if (cur.peek() !== Ch.DQuote) cur.fail('a quoted hierarchy delimiter or NIL');
  const v = cur.takeQuoted();
  if (v.length === 1) return asciiString(v, 0, 1);
  if (v.length === 0) {
    // `""`, read as NIL (a flat hierarchy): quirk emptyDelimiter.
    cur.quirk('emptyDelimiter', at);
    return null;
  }
  // QUOTED-CHAR admits one UTF-8 character (RFC 9051 UTF8-2 / UTF8-3 / UTF8-4).
  const s = v.length > 1 && v.length <= 4 ? utf8OrUndefined(v) : undefined;
  if (s === undefined || s.length !== (s.codePointAt(0)! > 0xffff ? 2 : 1))
    cur.fail('exactly one character as the hierarchy delimiter', at + 1);
  return s;
}
