/**
 * What is left of a status response whose `resp-text` does not parse: never the response itself.
 *
 * ```abnf
 * resp-text      = ["[" resp-text-code "]" SP] [text]
 * resp-text-code = … / atom [SP 1*<any TEXT-CHAR except "]">]
 * ```
 * A tagged `OK`/`NO`/`BAD` is the completion a client waits for; an untagged `BYE` tells it the
 * server is leaving. Losing one to a malformed code (`A1 OK [Error="Lookup failed" Server=…]
 * AUTHENTICATE completed.` from Outlook.com, ruby/net-imap#597) leaves the client waiting forever.
 * So, on the slow path only (after the grammar failed), the response keeps its tag and status:
 *
 * - the code up to the first `]` becomes an unknown code with its raw text (`malformed: true`),
 *   quirk `malformedResponseCode`; when no `]` closes it, or no atom names it, there is no code
 *   and the `[` starts the text;
 * - text that does not parse (a NUL, a bare CR, no SP after the code) is taken raw up to the
 *   line end, quirk `malformedRespText`.
 *
 * Strict mode keeps the grammar's own error (its code, offset and `expected`), to which the
 * caller adds the tag and status.
 */
import { ImapParseError } from '../errors.ts';
import { ATOM_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { wireBytes } from '../lexer/frame.ts';
import { atomString, textString } from '../lexer/strings.ts';
import type { UnknownCode } from '../model/resp-code.ts';
import type { RespText } from './resp-text.ts';

/** The text position of the final line end (the CR of its CRLF, or a bare LF). */
export function lineEnd(cur: Cursor): number {
  return cur.finalLineEnd();
}

/**
 * Rethrows what no fallback may hide: strict mode, limits (`DEPTH_EXCEEDED` …) and bugs (not an
 * `ImapParseError`); only grammar errors (`SYNTAX`, `NUMBER_RANGE`) are recovered from.
 */
function recoverable(cur: Cursor, e: unknown): void {
  if (!(e instanceof ImapParseError) || cur.strict) throw e;
  if (e.code !== 'SYNTAX' && e.code !== 'NUMBER_RANGE') throw e;
}

/**
 * The first `]` from the cursor to the line end, literals jumped over (their bytes are data,
 * and in a copied frame not even in the text); -1 when there is none. Sets `cur.lit` past the
 * literals before it.
 */
function firstCloseBracket(cur: Cursor): number {
  const frame = cur.frame!;
  const buf = cur.buf;
  const stop = lineEnd(cur);
  // A contiguous frame holds a literal's bytes in the text, just before its resume position.
  const inline = frame.segText.length === 0;
  let k = cur.lit;
  let i = cur.pos;
  while (i < stop) {
    if (k < frame.literals.length) {
      const resume = frame.resume[k]!;
      if (i >= (inline ? resume - frame.literals[k]!.length : resume)) {
        i = resume;
        k++;
        continue;
      }
    }
    if (buf[i] === Ch.RBracket) {
      cur.lit = k;
      return i;
    }
    i++;
  }
  return -1;
}

/**
 * After `takeResponseCode` failed on the code opening at `open` (literal index `lit`, depth
 * `depth`): sets `out.code` to the raw code and moves past its `]`; returns false (cursor back
 * on the `[`) when no code can be made out, so that the caller reads it all as text.
 */
export function recoverCode(
  cur: Cursor,
  out: RespText,
  open: number,
  lit: number,
  depth: number,
  e: unknown,
): boolean {
  recoverable(cur, e);
  cur.pos = open + 1;
  cur.lit = lit;
  cur.depth = depth;
  const close = firstCloseBracket(cur);
  const buf = cur.buf;
  let i = open + 1;
  while (i < close && ATOM_CHAR[buf[i]!] === 1) i++;
  if (close < 0 || i === open + 1) {
    cur.pos = open;
    cur.lit = lit;
    return false;
  }
  const code: UnknownCode = { name: atomString(buf, open + 1, i), unknown: true, malformed: true };
  if (buf[i] === Ch.Space) i++;
  if (i < close) {
    const raw = wireBytes(cur.frame!, i, close);
    code.raw = textString(raw, 0, raw.length);
  }
  out.code = code;
  cur.pos = close + 1;
  cur.quirk('malformedResponseCode', open);
  return true;
}

/**
 * After the text from `from` (a SP, or where the text should have begun) failed: the rest of
 * the line, raw (literals included), is the text.
 */
export function recoverText(cur: Cursor, out: RespText, from: number, e: unknown): void {
  recoverable(cur, e);
  const stop = lineEnd(cur);
  const start = cur.buf[from] === Ch.Space && from < stop ? from + 1 : from;
  const raw = wireBytes(cur.frame!, start, stop);
  out.text = textString(raw, 0, raw.length);
  cur.pos = stop;
  cur.lit = cur.frame!.literals.length;
  cur.quirk('malformedRespText', from);
}
