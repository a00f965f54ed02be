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

/**
 * `seq-number` (`star`: `*` allowed): an nz-number read straight from the bytes when it has up
 * to 9 digits and no leading zero, else by the cursor (its range checks and errors).
 */
function seqNumber(cur: Cursor, star: boolean): number | '*' {
  const buf = cur.buf;
  const p = cur.pos;
  const c = p < cur.end ? buf[p]! : -1;
  if (star && c === Ch.Star) {
    cur.pos = p + 1;
    return '*';
  }
  if (c > Ch.Zero && c <= Ch.Nine) {
    const stop = Math.min(cur.end, p + 9);
    let v = c - Ch.Zero;
    let i = p + 1;
    while (i < stop) {
      const d = buf[i]! - Ch.Zero;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
      i++;
    }
    if (i < stop || i === cur.end || buf[i]! < Ch.Zero || buf[i]! > Ch.Nine) {
      cur.pos = i;
      return v;
    }
  }
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
