/**
 * RFC 2047 encoded words in header text (subjects, display names) and, as many mailers send
 * them, in parameter values.
 *
 * ```abnf
 * encoded-word = "=?" charset ["*" language] "?" encoding "?" encoded-text "?="   ; RFC 2047 §2, RFC 2231 §5
 * encoding     = "B" / "Q"
 * ```
 * Adjacent encoded words (separated only by white space) are joined (RFC 2047 §6.2), and their
 * bytes are joined before the charset decodes them: mailers split a UTF-8 character across two
 * words. An encoded word that does not decode (unknown charset, bad base64) stays verbatim.
 *
 * Decoded from the bytes, in one pass: an encoded word is ASCII, so it is found in the raw
 * bytes exactly where it would be found in the decoded text; the text between words is decoded
 * as the caller says (the whole value is either UTF-8 or windows-1252, see `charset.ts`).
 */
import { hexValue } from '../lexer/chars.ts';
import { asciiString, lowerAtom } from '../lexer/strings.ts';
import { utf8Strict } from '../lexer/utf8.ts';
import { VALUE as BASE64_VALUE } from '../parser/base64.ts';
import { cp1252String, decodeCharsetRange } from './charset.ts';

/** How the bytes between encoded words are decoded. */
export const enum Between {
  Ascii = 0,
  Utf8 = 1,
  Cp1252 = 2,
}

/** RFC 2047 §2 `token`: printable ASCII except SP and `especials` (and "?", "*" end it anyway). */
const CHARSET_CHAR = new Uint8Array(256);
for (let c = 0x21; c < 0x7f; c++)
  CHARSET_CHAR[c] = '"(),/:;<=>@[\\]'.includes(String.fromCharCode(c)) ? 0 : 1;

/** Decoded bytes of the run of adjacent words in progress (grows, never shrinks). */
let run = new Uint8Array(256);
let runLen = 0;

function room(n: number): void {
  if (runLen + n <= run.length) return;
  const bigger = new Uint8Array(Math.max(run.length * 2, runLen + n));
  bigger.set(run.subarray(0, runLen));
  run = bigger;
}

/** B encoding (base64, padding optional as mailers send it) of `buf[s, e)` onto `run`. */
function appendB(buf: Uint8Array, s: number, e: number): boolean {
  let pad = 0;
  while (e > s && buf[e - 1] === 0x3d && pad < 3) {
    e--;
    pad++;
  }
  const m = e - s;
  const need = (4 - (m % 4)) % 4;
  if (m % 4 === 1 || pad > need) return false;
  room(((m * 3) >> 2) + 3);
  let acc = 0;
  let bits = 0;
  for (let i = s; i < e; i++) {
    const v = BASE64_VALUE[buf[i]!]!;
    if (v < 0) return false;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      run[runLen++] = (acc >> bits) & 0xff;
    }
  }
  return true;
}

/** Q encoding (RFC 2047 §4.2: `_` is a space, `=XX` a byte) of `buf[s, e)` onto `run`. */
function appendQ(buf: Uint8Array, s: number, e: number): boolean {
  room(e - s);
  for (let i = s; i < e; i++) {
    const c = buf[i]!;
    if (c === 0x5f) run[runLen++] = 0x20;
    else if (c === 0x3d) {
      if (i + 2 >= e) return false;
      const h = hexValue(buf[i + 1]!);
      const l = hexValue(buf[i + 2]!);
      if (h < 0 || l < 0) return false;
      run[runLen++] = (h << 4) | l;
      i += 2;
    } else run[runLen++] = c;
  }
  return true;
}

function between(buf: Uint8Array, s: number, e: number, mode: Between): string {
  if (s >= e) return '';
  if (mode === Between.Ascii) return asciiString(buf, s, e);
  if (mode === Between.Utf8) return utf8Strict(buf, s, e) ?? cp1252String(buf, s, e);
  return cp1252String(buf, s, e);
}

function isWhiteSpace(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = buf[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

/**
 * Where the words of the run in progress start and end in the input (pairs), for the rare run
 * that does not decode: it is then kept as sent, its words joined. Their strings are made only
 * then; building them for every run was one more string per encoded word.
 */
let words = new Int32Array(64);
let wordCount = 0;

function addWord(start: number, end: number): void {
  if (2 * wordCount + 2 > words.length) {
    const bigger = new Int32Array(words.length * 2);
    bigger.set(words);
    words = bigger;
  }
  words[2 * wordCount] = start;
  words[2 * wordCount + 1] = end;
  wordCount++;
}

/** The run's words as sent, joined (what an undecodable run becomes). */
function wordsAsSent(buf: Uint8Array): string {
  let s = '';
  for (let k = 0; k < wordCount; k++) s += asciiString(buf, words[2 * k]!, words[2 * k + 1]!);
  return s;
}

/** True when `buf[start, end)` holds `=?`, where an encoded word could start. */
export function hasEncodedWord(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i + 1 < end; i++) if (buf[i] === 0x3d && buf[i + 1] === 0x3f) return true;
  return false;
}

/**
 * Decodes the encoded words in `buf[start, end)`; `mode` decodes the text between them.
 */
export function decodeEncodedWordsRange(buf: Uint8Array, start: number, end: number, mode: Between): string {
  let out = '';
  let i = start;
  let runCharset = '';
  runLen = 0;
  wordCount = 0;
  let at = i;
  while (at + 1 < end) {
    if (buf[at] !== 0x3d || buf[at + 1] !== 0x3f) {
      at++;
      continue;
    }
    // "=?" charset ["*" language] "?" ("B" / "Q") "?" encoded-text "?="
    let q1 = at + 2;
    while (q1 < end && buf[q1] !== 0x3f) q1++;
    const enc = q1 + 1 < end ? buf[q1 + 1]! | 0x20 : 0;
    let csEnd = at + 2;
    while (csEnd < q1 && buf[csEnd] !== 0x2a) csEnd++;
    let ok = q1 + 2 < end && buf[q1 + 2] === 0x3f && (enc === 0x62 || enc === 0x71) && csEnd > at + 2;
    // encoded-text is printable ASCII but "?" (RFC 2047 §2), so the first byte that is not
    // ends it, and must be the "?" of "?=". Searching "?=" first and checking the text after
    // scanned to the end of the value from every "=?" (issue #17: 87,381 × "=?x" took 12 s).
    let close = q1 + 3;
    while (ok && close < end) {
      const c = buf[close]!;
      if (c <= 0x20 || c >= 0x7f || c === 0x3f) break;
      close++;
    }
    ok = ok && close + 1 < end && buf[close] === 0x3f && buf[close + 1] === 0x3d;
    // A charset is a token (no specials).
    for (let k = at + 2; ok && k < csEnd; k++) if (CHARSET_CHAR[buf[k]!] !== 1) ok = false;
    if (!ok) {
      at += 2;
      continue;
    }
    const wordEnd = close + 2;
    const charset = lowerAtom(buf, at + 2, csEnd);
    const adjacent = wordCount > 0 && isWhiteSpace(buf, i, at);
    // The word's bytes go after the run's: [mark, runLen).
    const mark = runLen;
    const decoded = enc === 0x62 ? appendB(buf, q1 + 3, close) : appendQ(buf, q1 + 3, close);
    if (!decoded) {
      // Not decodable: the run so far ends, this word stays as sent with what precedes it.
      runLen = mark;
      out = endRun(out, buf, mark, runCharset);
      out += between(buf, i, at, mode) + asciiString(buf, at, wordEnd);
    } else {
      if (!adjacent || charset !== runCharset) {
        out = endRun(out, buf, mark, runCharset);
        if (!adjacent) out += between(buf, i, at, mode);
        run.copyWithin(0, mark, runLen);
        runLen -= mark;
      }
      addWord(at, wordEnd);
      runCharset = charset;
    }
    i = wordEnd;
    at = wordEnd;
  }
  out = endRun(out, buf, runLen, runCharset);
  runLen = 0;
  return out + between(buf, i, end, mode);
}

/** Ends the run (if any): `out` and its first `n` bytes decoded, or its words as sent. */
function endRun(out: string, buf: Uint8Array, n: number, charset: string): string {
  if (wordCount === 0) return out;
  const s = decodeCharsetRange(run, 0, n, charset) ?? wordsAsSent(buf);
  wordCount = 0;
  return out + s;
}

const utf8Encoder = new TextEncoder();

/**
 * Decodes the encoded words in `s`.
 *
 * @example
 * ```ts
 * decodeEncodedWords('=?UTF-8?Q?J=C3=BCrgen?= =?UTF-8?Q?_M=C3=BCller?='); // 'Jürgen Müller'
 * ```
 */
export function decodeEncodedWords(s: string): string {
  if (!s.includes('=?')) return s;
  const b = utf8Encoder.encode(s);
  return decodeEncodedWordsRange(b, 0, b.length, b.length === s.length ? Between.Ascii : Between.Utf8);
}
