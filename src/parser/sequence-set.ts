/**
 * ```abnf
 * sequence-set = (seq-number / seq-range) ["," sequence-set]   ; RFC 9051
 * seq-range    = seq-number ":" seq-number
 * seq-number   = nz-number / "*"
 * uid-set      = (uniqueid / uid-range) *("," uid-set)          ; RFC 4315 (no "*")
 * ```
 */
import { Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import { asciiString } from '../lexer/strings.ts';
import type { SequenceRange, SequenceSet } from '../model/sequence-set.ts';

function seqNumber(cur: Cursor, star: boolean): number | '*' {
  if (star && cur.skipIf(Ch.Star)) return '*';
  return cur.takeNzNumber();
}

/** Reads a `sequence-set` (`star`) or a `uid-set` (no `*`). */
export function takeSequenceSet(cur: Cursor, star = true): SequenceSet {
  const start = cur.pos;
  const ranges: SequenceRange[] = [];
  do {
    const a = seqNumber(cur, star);
    const b = cur.skipIf(Ch.Colon) ? seqNumber(cur, star) : a;
    ranges.push({ start: a, end: b });
  } while (cur.skipIf(Ch.Comma));
  return { text: asciiString(cur.buf, start, cur.pos), ranges };
}
