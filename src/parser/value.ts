/**
 * Skipping a value this parser has no grammar for, to keep it raw (unknown FETCH attributes,
 * unknown response codes). Iterative, with the cursor's depth counter: 100k nested "(" end in
 * `DEPTH_EXCEEDED`, never in a stack overflow.
 *
 * ```abnf
 * ; the shape every IMAP extension's data takes (RFC 9051 §9, RFC 4466 tagged-ext-val)
 * value = atom / number / nstring / "\" atom / "(" [value *(SP value)] ")"
 * ```
 */
import { ASTRING_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';

/** Bytes of a bare token inside an unknown value: ASTRING-CHAR plus flag and wildcard bytes. */
const VALUE_CHAR: Uint8Array = (() => {
  const t = ASTRING_CHAR.slice();
  t[Ch.Backslash] = 1;
  t[Ch.Star] = 1;
  t[Ch.Percent] = 1;
  return t;
})();

/** Consumes one value (see the file comment). */
export function skipValue(cur: Cursor): void {
  const base = cur.depth;
  for (;;) {
    const c = cur.peek();
    if (c === Ch.LParen) {
      cur.enter();
      if (cur.peek() !== Ch.RParen) continue;
      cur.leave();
    } else if (c === Ch.DQuote) cur.takeQuoted();
    else if (c === Ch.LBrace) cur.takeLiteral(false);
    else if (c === Ch.Tilde && cur.peekAt(1) === Ch.LBrace) cur.takeLiteral(true);
    else skipToken(cur);
    // After a value: a SP starts the next one in the list, ")" closes a list, and "(" starts
    // the next one without a SP (`body-type-mpart = 1*body SP media-subtype`, address lists).
    for (;;) {
      if (cur.depth === base) return;
      const n = cur.peek();
      if (n === Ch.Space) {
        cur.pos++;
        break;
      }
      if (n === Ch.LParen) break;
      cur.leave();
    }
  }
}

/** A bare token, with `[…]` sections balanced (`BODY[HEADER.FIELDS (A B)]<0>`). */
function skipToken(cur: Cursor): void {
  const buf = cur.buf;
  const start = cur.pos;
  let i = start;
  let brackets = 0;
  while (i < cur.end) {
    const c = buf[i]!;
    if (c === Ch.LBracket) brackets++;
    else if (c === Ch.RBracket) {
      if (brackets === 0) break;
      brackets--;
    } else if (brackets > 0 ? c === Ch.Cr || c === Ch.Lf : VALUE_CHAR[c] !== 1) break;
    i++;
  }
  if (i === start) cur.fail('a value');
  cur.pos = i;
}
