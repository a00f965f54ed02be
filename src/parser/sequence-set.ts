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

/**
 * Ranges kept as objects up to this many; beyond, as pairs in a `Uint32Array` (8 bytes a range
 * instead of an object of ~50 and its slot), with `ranges` made on first read. A `VANISHED
 * (EARLIER)` of 10,000,000 single UIDs was ~560 MB of range objects; compact it is 80 MB
 * (issue #24). Small sets, the common case, are unchanged.
 */
const EAGER_RANGES = 1024;

/** The compact ranges of sets read in compact form (see {@link sequenceSetPairs}). */
const COMPACT = new WeakMap<SequenceSet, Uint32Array>();

/** Reads a `sequence-set` (`star`) or a `uid-set` (no `*`). */
export function takeSequenceSet(cur: Cursor, star = true): SequenceSet {
  const start = cur.pos;
  const ranges: SequenceRange[] = [];
  do {
    const a = seqNumber(cur, star);
    const b = cur.skipIf(Ch.Colon) ? seqNumber(cur, star) : a;
    ranges.push({ start: a, end: b });
    if (ranges.length === EAGER_RANGES && cur.peek() === Ch.Comma)
      return takeCompact(cur, star, start, ranges);
  } while (cur.skipIf(Ch.Comma));
  return { text: asciiString(cur.buf, start, cur.pos), ranges };
}

/** The rest of a long set as pairs (0 stands for `*`, which is never a number: nz-number). */
function takeCompact(cur: Cursor, star: boolean, start: number, first: SequenceRange[]): SequenceSet {
  let pairs = new Uint32Array(4 * EAGER_RANGES);
  let n = 0;
  const put = (a: number | '*', b: number | '*'): void => {
    if (n + 2 > pairs.length) {
      const next = new Uint32Array(pairs.length * 2);
      next.set(pairs);
      pairs = next;
    }
    pairs[n++] = a === '*' ? 0 : a;
    pairs[n++] = b === '*' ? 0 : b;
  };
  for (const r of first) put(r.start, r.end);
  while (cur.skipIf(Ch.Comma)) {
    const a = seqNumber(cur, star);
    put(a, cur.skipIf(Ch.Colon) ? seqNumber(cur, star) : a);
  }
  const compact = n < pairs.length ? pairs.slice(0, n) : pairs;
  const set = { text: asciiString(cur.buf, start, cur.pos) } as SequenceSet;
  let ranges: SequenceRange[] | undefined;
  Object.defineProperty(set, 'ranges', {
    enumerable: true,
    configurable: true,
    get: () => {
      ranges ??= Array.from({ length: compact.length / 2 }, (_, i) => ({
        start: compact[2 * i] === 0 ? '*' : compact[2 * i]!,
        end: compact[2 * i + 1] === 0 ? '*' : compact[2 * i + 1]!,
      }));
      return ranges;
    },
    set: (v: SequenceRange[]) => {
      ranges = v;
      COMPACT.delete(set);
    },
  });
  COMPACT.set(set, compact);
  return set;
}

/**
 * A sequence set's ranges as pairs `[start0, end0, start1, end1, …]` in a `Uint32Array`, `0`
 * standing for `*`: the way to walk a very long set (a `VANISHED (EARLIER)` or ESEARCH `ALL` of
 * millions of UIDs) without making an object per range. Sets of more than 1,024 ranges are read
 * in this form and give it without a copy; `set.ranges` is made from it on first read.
 *
 * @example
 * ```ts
 * const v = parseResponse(bytes('* VANISHED (EARLIER) 1:3,7\r\n'));
 * if (v.type === 'untagged' && v.kind === 'vanished') sequenceSetPairs(v.uids); // [1, 3, 7, 7]
 * ```
 */
export function sequenceSetPairs(set: SequenceSet): Uint32Array {
  const compact = COMPACT.get(set);
  if (compact !== undefined) return compact;
  const out = new Uint32Array(set.ranges.length * 2);
  set.ranges.forEach((r, i) => {
    out[2 * i] = r.start === '*' ? 0 : r.start;
    out[2 * i + 1] = r.end === '*' ? 0 : r.end;
  });
  return out;
}
