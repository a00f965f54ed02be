/**
 * VANISHED: RFC 7162 §3.2.10 (QRESYNC).
 *
 * ```abnf
 * message-data  =/ expunged-resp
 * expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids
 * known-uids    = sequence-set        ; sequence of UIDs, "*" is not allowed
 * ```
 */
import { Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import type { VanishedResponse } from '../../model/vanished.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { takeSequenceSet } from '../sequence-set.ts';

/** Reads the data after `* VANISHED`. */
export function takeVanished(cur: Cursor): VanishedResponse {
  cur.expectSp();
  let earlier = false;
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    cur.expectKeyword('EARLIER');
    cur.leave();
    cur.expectSp();
    earlier = true;
  }
  return { type: 'untagged', kind: 'vanished', earlier, uids: takeSequenceSet(cur, false) };
}

/** Plugs VANISHED into the dispatch. */
export function registerVanished(registerUntagged: RegisterUntagged): void {
  registerUntagged('VANISHED', takeVanished);
}
