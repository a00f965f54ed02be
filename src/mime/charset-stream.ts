/**
 * Charset decoding of a body that comes in pieces (a partial fetch, a streamed literal): the
 * octets of a character cut between two pieces are kept for the next one, as WHATWG
 * Encoding's `decode(bytes, { stream: true })` does.
 *
 * Each stream gets its own `TextDecoder`: a streaming decoder holds the cut character, and one
 * shared between two bodies would splice the tail of one onto the other (and some runtimes
 * keep more state than that between calls). The cached, stateless decoders of `charset.ts`
 * are for whole values only.
 *
 * Body text is for showing: bytes that are not valid in the charset become U+FFFD here, where
 * `decodeCharset` (header values, which have a raw fallback) refuses them.
 */
import { canonicalCharset, cp1252String } from './charset.ts';

/**
 * A charset decoder for one body: `push` each piece (already transfer-decoded) in order, then
 * `end` once. `push` returns the text of the whole characters so far; the octets of an
 * incomplete last character wait for the next piece, and `end` turns them into U+FFFD.
 */
export interface CharsetStreamDecoder {
  push(bytes: Uint8Array): string;
  end(): string;
}

/**
 * A streaming decoder for `charset` (any label MIME uses: `UTF-8`, `iso-8859-1`, `cp1251`,
 * `ISO-2022-JP` …); `undefined` when the platform does not know it.
 *
 * @example
 * ```ts
 * const dec = createCharsetDecoder('utf-8')!;
 * dec.push(new Uint8Array([0x63, 0x61, 0x66, 0xc3])); // 'caf' (0xc3 waits)
 * dec.push(new Uint8Array([0xa9])); // 'é'
 * ```
 */
export function createCharsetDecoder(charset: string): CharsetStreamDecoder | undefined {
  const name = canonicalCharset(charset);
  if (name === undefined) return undefined;
  // Node 20's TextDecoder gets windows-1252 0x80–0x9F wrong (charset.ts); one octet is one
  // character, so there is nothing to keep between pieces.
  if (name === 'windows-1252') return { push: (b) => cp1252String(b, 0, b.length), end: () => '' };
  // A leading U+FEFF stays text, as in every value this library decodes (../lexer/utf8.ts):
  // the octets and the text then count alike (`wholeCharacterLength`).
  const td = new TextDecoder(name, { ignoreBOM: true });
  return {
    push: (b) => td.decode(b, { stream: true }),
    end: () => td.decode(),
  };
}

/**
 * The most octets an incomplete character can leave at the end of a piece in each WHATWG
 * multi-byte encoding; every other encoding the platform knows is one octet per character.
 */
const INCOMPLETE_TAIL = new Map<string, number>([
  ['utf-8', 3],
  ['utf-16le', 3], // a high surrogate and one octet of the next unit
  ['utf-16be', 3],
  ['gb18030', 3],
  ['gbk', 3],
  ['euc-jp', 2],
  ['iso-2022-jp', 3], // ESC $ ( D cut after three
  ['shift_jis', 1],
  ['euc-kr', 1],
  ['big5', 1],
]);

/**
 * The most octets at the end of a piece of text in `charset` that can be an incomplete
 * character: 0 for one-octet charsets (ISO-8859-x, windows-125x, KOI8 …), 3 for UTF-8, and 3
 * when the charset is unknown.
 *
 * @example
 * ```ts
 * incompleteTailLimit('iso-8859-2'); // 0
 * ```
 */
export function incompleteTailLimit(charset: string): number {
  const name = canonicalCharset(charset);
  if (name === undefined) return 3;
  return INCOMPLETE_TAIL.get(name) ?? 0;
}

/**
 * How many leading octets of `bytes` are whole characters of `charset`: what a streaming
 * decoder has turned into text after `push(bytes)`, the rest being an incomplete character it
 * keeps. `bytes.length` when the charset is unknown.
 *
 * @example
 * ```ts
 * wholeCharacterLength(new Uint8Array([0x61, 0xe2, 0x82]), 'utf-8'); // 1 (€ is cut)
 * ```
 */
export function wholeCharacterLength(bytes: Uint8Array, charset: string): number {
  const limit = Math.min(incompleteTailLimit(charset), bytes.length);
  const name = canonicalCharset(charset);
  if (limit === 0 || name === undefined) return bytes.length;
  if (name === 'utf-8') return bytes.length - utf8IncompleteTail(bytes);
  // The streamed text of all the octets is the whole decoding of the first n - k of them for
  // exactly the k octets held back: the whole decoding of fewer ends in U+FFFD for the cut.
  const streamed = new TextDecoder(name, { ignoreBOM: true }).decode(bytes, { stream: true });
  for (let k = 0; k <= limit; k++) {
    if (new TextDecoder(name, { ignoreBOM: true }).decode(bytes.subarray(0, bytes.length - k)) === streamed)
      return bytes.length - k;
  }
  return bytes.length;
}

/**
 * UTF-8 octets at the end that start a character and are still valid so far (WHATWG's UTF-8
 * decoder holds exactly those: an invalid second octet ends the sequence as U+FFFD at once).
 */
function utf8IncompleteTail(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const lead = b[n - k]!;
    if (lead < 0x80) return 0;
    if (lead < 0xc0) continue; // a continuation octet
    const need = lead >= 0xf5 ? 0 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
    if (need <= k) return 0;
    // The second octet's range depends on the lead (no overlong, no surrogate, ≤ U+10FFFF).
    if (k >= 2) {
      const second = b[n - k + 1]!;
      const lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
      const hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
      if (second < lo || second > hi) return 0;
    }
    for (let j = n - k + 2; j < n; j++) if ((b[j]! & 0xc0) !== 0x80) return 0;
    return k;
  }
  return 0;
}
