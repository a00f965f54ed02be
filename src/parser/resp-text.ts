/**
 * ```abnf
 * resp-text = ["[" resp-text-code "]" SP] [text]      ; RFC 9051 (RFC 3501 required text)
 * text      = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)
 * ```
 */
import { Ch, TEXT_CHAR } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { textString } from '../lexer/strings.ts';
import type { ResponseCode } from '../model/resp-code.ts';
import { takeResponseCode } from './resp-code.ts';

/** A parsed `resp-text`. */
export interface RespText {
  code?: ResponseCode;
  text: string;
}

/**
 * Reads ` resp-text` after a status word (the cursor stands on the SP) up to the CRLF.
 * `A1 OK\r\n` and `* OK [CODE]\r\n` (no SP, no text) are quirk `missingRespText`.
 */
export function takeRespText(cur: Cursor): RespText {
  if (cur.isEol()) {
    cur.quirk('missingRespText', cur.pos);
    return { text: '' };
  }
  cur.expectSp();
  const out: RespText = { text: '' };
  if (cur.peek() === Ch.LBracket) {
    out.code = takeResponseCode(cur);
    if (cur.isEol()) {
      cur.quirk('missingRespText', cur.pos);
      return out;
    }
    cur.expectSp();
  }
  out.text = takeText(cur);
  return out;
}

/** `[text]` up to the CRLF. NUL is refused: TEXT-CHAR is `%x01-7F` minus CR LF, plus UTF-8. */
export function takeText(cur: Cursor): string {
  const buf = cur.buf;
  const start = cur.pos;
  let i = start;
  while (i < cur.end && TEXT_CHAR[buf[i]!] === 1) i++;
  if (buf[i] === Ch.Nul) cur.fail('TEXT-CHAR (no NUL)', i);
  cur.pos = i;
  return textString(buf, start, i);
}
