/**
 * ```abnf
 * resp-text = ["[" resp-text-code "]" SP] [text]      ; RFC 9051 (RFC 3501 required text)
 * text      = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)
 * ```
 */
import { Ch, TEXT_CHAR } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { asciiString, textString } from '../lexer/strings.ts';
import { TextCache } from '../lexer/text-cache.ts';
import type { ResponseCode } from '../model/resp-code.ts';
import { takeResponseCode } from './resp-code.ts';
import { lineEnd, recoverCode, recoverText } from './resp-text-recover.ts';

/** A parsed `resp-text`. */
export interface RespText {
  code?: ResponseCode;
  text: string;
}

/**
 * Reads ` resp-text` after a status word (the cursor stands on the SP) up to the CRLF, into
 * `out`, a response that already holds `text: ''` (so that `text` comes before `code` among its
 * keys): sets `code` when present and `text`. No separate `RespText` object is made and spread.
 * `A1 OK\r\n` and `* OK [CODE]\r\n` (no SP, no text) are quirk `missingRespText`. A code or
 * text that does not parse is read raw (see `resp-text-recover.ts`): the status response is
 * never lost; the `try` costs nothing while nothing is thrown.
 */
export function takeRespTextInto<R extends RespText>(cur: Cursor, out: R): R {
  if (cur.isEol()) {
    cur.quirk('missingRespText', cur.pos);
    return out;
  }
  let from = cur.pos;
  try {
    cur.expectSp();
    if (cur.peek() === Ch.LBracket) {
      const open = cur.pos;
      const lit = cur.lit;
      const depth = cur.depth;
      try {
        out.code = takeResponseCode(cur);
      } catch (e) {
        if (!recoverCode(cur, out, open, lit, depth, e)) {
          recoverText(cur, out, open, e);
          return out;
        }
      }
      if (cur.isEol()) {
        cur.quirk('missingRespText', cur.pos);
        return out;
      }
      from = cur.pos;
      cur.expectSp();
    }
    out.text = takeText(cur);
    // takeText stops at a bare CR: the text must reach the line end.
    if (cur.pos !== lineEnd(cur)) cur.fail('CRLF');
  } catch (e) {
    recoverText(cur, out, from, e);
  }
  return out;
}

/**
 * Status texts up to 64 bytes: servers repeat them (`Fetch completed (0.001 + 0.000 secs).`,
 * `Still here`), and comparing the bytes with a cached text costs less than building its string
 * again.
 */
const texts = new TextCache(1024, 64);

/**
 * A hash of `buf[s, e)` from its length and eight of its bytes, spread over it: cheaper than
 * hashing every byte (the cache compares every byte anyway), and texts that differ only in
 * digits somewhere (`Idle completed (0.001 + 9.343 + 2.317 secs).`) mostly share one slot and
 * do not push the repeated ones out.
 */
function sampleHash(buf: Uint8Array, s: number, e: number): number {
  const n = e - s;
  let h = Math.imul(n, 0x9e3779b1);
  h = Math.imul(
    h ^ (buf[s]! | (buf[s + (n >> 3)]! << 8) | (buf[s + (n >> 2)]! << 16) | (buf[s + ((3 * n) >> 3)]! << 24)),
    0x85ebca6b,
  );
  h = Math.imul(
    h ^
      (buf[s + (n >> 1)]! |
        (buf[s + ((5 * n) >> 3)]! << 8) |
        (buf[s + ((3 * n) >> 2)]! << 16) |
        (buf[e - 1]! << 24)),
    0xc2b2ae35,
  );
  return h ^ (h >>> 16);
}

/** `[text]` up to the CRLF. NUL is refused: TEXT-CHAR is `%x01-7F` minus CR LF, plus UTF-8. */
export function takeText(cur: Cursor): string {
  const buf = cur.buf;
  const start = cur.pos;
  const end = cur.end;
  // A text runs to the line end: the CR of the final CRLF, or a bare LF.
  const lineEnd = cur.finalLineEnd();
  const n = lineEnd - start;
  const cacheable = n > 0 && n <= texts.width && (buf[lineEnd] === Ch.Cr || buf[lineEnd] === Ch.Lf);
  let h = 0;
  if (cacheable) {
    h = sampleHash(buf, start, lineEnd);
    // A cached key holds only TEXT-CHARs and the byte after these is CR or LF: the scan below
    // would stop at `lineEnd` too.
    const hit = texts.get(buf, start, lineEnd, h);
    if (hit !== undefined) {
      cur.pos = lineEnd;
      return hit;
    }
  }
  let i = start;
  let bits = 0;
  while (i < end) {
    const c = buf[i]!;
    if (TEXT_CHAR[c] !== 1) break;
    bits |= c;
    i++;
  }
  if (buf[i] === Ch.Nul) cur.fail('TEXT-CHAR (no NUL)', i);
  cur.pos = i;
  if (i === start) return '';
  if (bits >= 0x80) return textString(buf, start, i);
  const s = asciiString(buf, start, i);
  if (cacheable && i === lineEnd) texts.set(buf, start, i, h, s);
  return s;
}
