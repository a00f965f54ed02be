/**
 * ID: RFC 2971.
 *
 * ```abnf
 * id-response    = "ID" SP id-params-list
 * id-params-list = "(" *(string SP nstring) ")" / nil
 *                  ; RFC 2971 writes #(string SP nstring): pairs separated by SP, none allowed
 * ```
 * The pairs stay an ordered array of `{ name, value }`, never an object keyed by wire strings
 * (`__proto__`, `constructor` are just names here). Archiveopteryx puts a SP before the closing
 * ")" (quirk `spaceBeforeParen`).
 */
import { Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { textString } from '../../lexer/strings.ts';
import type { IdParam, IdResponse } from '../../model/id.ts';
import type { RegisterUntagged } from '../extensions.ts';

/** Reads the data after `* ID`. */
export function takeId(cur: Cursor): IdResponse {
  cur.expectSp();
  if (cur.skipNil()) return { type: 'untagged', kind: 'id', params: null };
  const params: IdParam[] = [];
  cur.enter();
  while (cur.peek() !== Ch.RParen) {
    if (params.length > 0) {
      cur.expectSp();
      if (cur.peek() === Ch.Space || cur.peek() === Ch.RParen) {
        cur.quirk('spaceBeforeParen', cur.pos - 1);
        while (cur.skipIf(Ch.Space));
        break;
      }
    }
    const n = cur.takeString();
    cur.expectSp();
    const v = cur.takeNString();
    params.push({ name: textString(n, 0, n.length), value: v === null ? null : textString(v, 0, v.length) });
  }
  cur.leave();
  return { type: 'untagged', kind: 'id', params };
}

/** Plugs ID into the dispatch. */
export function registerId(registerUntagged: RegisterUntagged): void {
  registerUntagged('ID', takeId);
}
