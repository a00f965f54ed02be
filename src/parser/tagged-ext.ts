/**
 * Extension data kept as a value tree (unknown LIST extended items, unknown ESEARCH return data).
 *
 * ```abnf
 * tagged-ext-val    = tagged-ext-simple / "(" [tagged-ext-comp] ")"     ; RFC 4466 §2.1
 * tagged-ext-simple = sequence-set / number / number64
 * tagged-ext-comp   = astring / tagged-ext-comp *(SP tagged-ext-comp) / "(" tagged-ext-comp ")"
 * ```
 * At the top level a quoted string or literal is accepted too: the item's own grammar (an
 * extension this parser does not know) may put one there. Bare tokens stay strings as sent (`12:30` is not guessed into a number or a set), quoted
 * strings and literals are byte views, lists are arrays. Iterative, one depth count per "(" with
 * the cursor's limit: deep nesting ends in `DEPTH_EXCEEDED`, never in a stack overflow.
 */
import { ASTRING_CHAR, Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { atomString } from '../lexer/strings.ts';
import type { ExtValue } from '../model/tagged-ext.ts';

/** Bytes of a bare token: ASTRING-CHAR and "*" (a `sequence-set` may hold it). */
const EXT_TOKEN_CHAR: Uint8Array = (() => {
  const t = ASTRING_CHAR.slice();
  t[Ch.Star] = 1;
  return t;
})();

function takeToken(cur: Cursor): string {
  cur.takeRun(EXT_TOKEN_CHAR, 'an atom, a number or a sequence set');
  return atomString(cur.buf, cur.tokStart, cur.tokEnd);
}

function takeItem(cur: Cursor): ExtValue {
  const c = cur.peek();
  if (c === Ch.DQuote || c === Ch.LBrace) return cur.takeString();
  return takeToken(cur);
}

/** Reads one `tagged-ext-val`. */
export function takeExtValue(cur: Cursor): ExtValue {
  if (cur.peek() !== Ch.LParen) return takeItem(cur);
  const stack: ExtValue[][] = [];
  let list: ExtValue[] = [];
  cur.enter();
  if (cur.peek() === Ch.RParen) {
    cur.leave();
    return list;
  }
  for (;;) {
    if (cur.peek() === Ch.LParen) {
      cur.enter();
      stack.push(list);
      list = [];
      if (cur.peek() !== Ch.RParen) continue;
    } else {
      list.push(takeItem(cur));
    }
    // After an item (or an empty "()"): SP and the next item, or ")" closing one or more lists.
    for (;;) {
      if (cur.peek() === Ch.Space) {
        cur.pos++;
        break;
      }
      if (cur.peek() !== Ch.RParen) cur.fail('SP or ")"');
      cur.leave();
      const done = list;
      const parent = stack.pop();
      if (parent === undefined) return done;
      parent.push(done);
      list = parent;
    }
  }
}
