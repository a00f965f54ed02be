/**
 * Sequence sets for commands (RFC 9051 §9, RFC 5182 SEARCHRES).
 *
 * ```abnf
 * sequence-set     = (seq-number / seq-range) ["," sequence-set]
 * seq-range        = seq-number ":" seq-number
 * seq-number       = nz-number / "*"
 * nz-number        = digit-nz *DIGIT       ; 1 .. 4294967295
 * sequence-set     =/ seq-last-command     ; RFC 5182
 * seq-last-command = "$"
 * ```
 */

import { Ch } from '../lexer/chars.ts';
import type { SequenceItem, SequenceSetInput } from '../model/command.ts';
import { ImapEncodeError } from './errors.ts';
import { describe, type Writer } from './writer.ts';

/**
 * Where a sequence set stands decides what it may hold.
 *
 * @example
 * ```ts
 * formatSequenceSet('1:*', 'knownUids', { star: false }); // throws INVALID_SEQUENCE_SET
 * ```
 */
export interface SequenceSetRules {
  /** `*` allowed (not in `known-uids`, RFC 7162 §3.2.5). Default true. */
  star?: boolean;
  /** `$` (RFC 5182) allowed. Default true. */
  dollar?: boolean;
}

const MAX = 0xffffffff;

function bad(field: string, message: string): ImapEncodeError {
  return new ImapEncodeError('INVALID_SEQUENCE_SET', field, message);
}

function seqNumber(v: unknown, field: string, star: boolean): string {
  if (v === '*') {
    if (!star) throw bad(field, '"*" is not allowed here');
    return '*';
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX) {
    throw bad(field, `expected a number 1..4294967295 or "*", got ${describe(v)}`);
  }
  return String(v);
}

function item(v: SequenceItem | unknown, field: string, star: boolean): string {
  if (Array.isArray(v)) {
    if (v.length !== 2) throw bad(field, 'a range is [start, end]');
    const a = seqNumber(v[0], field, star);
    const b = seqNumber(v[1], field, star);
    return a === b ? a : `${a}:${b}`;
  }
  if (v !== null && typeof v === 'object') {
    const r = v as { start?: unknown; end?: unknown };
    const a = seqNumber(r.start, field, star);
    const b = seqNumber(r.end, field, star);
    return a === b ? a : `${a}:${b}`;
  }
  return seqNumber(v, field, star);
}

/**
 * Checks wire text against the grammar; returns it unchanged (ranges stay as written).
 * `writeSequenceSet` then copies it with `Writer.raw` (one room check, a tight loop): writing
 * each byte here as it was accepted (`w.byte()`, a room and a printable check per byte) cost
 * more than the second pass (FETCH paired runs, the benchmark suite's profile notes).
 */
function checkText(s: string, field: string, star: boolean, dollar: boolean): string {
  if (s === '$') {
    if (!dollar) throw bad(field, '"$" is not allowed here');
    return s;
  }
  const n = s.length;
  let i = 0;
  let second = false;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === Ch.Star) {
      if (!star) throw bad(field, '"*" is not allowed here');
      i++;
    } else {
      const start = i;
      if (c === 0x30) throw bad(field, `${JSON.stringify(s)}: 0 or a leading zero at ${i}`);
      let v = 0;
      while (i < n) {
        const d = s.charCodeAt(i) - 0x30;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
        i++;
      }
      if (i === start) throw bad(field, `${JSON.stringify(s)}: expected a number or "*" at ${i}`);
      if (i - start > 10 || v > MAX) throw bad(field, `${JSON.stringify(s)}: beyond 4294967295 at ${start}`);
    }
    if (i === n) return s;
    const sep = s.charCodeAt(i);
    // A ":" joins exactly two numbers.
    if (sep === Ch.Colon && !second) second = true;
    else if (sep === Ch.Comma) second = false;
    else throw bad(field, `${JSON.stringify(s)}: unexpected ${JSON.stringify(s[i])} at ${i}`);
    i++;
  }
}

/**
 * The wire text of a sequence set, validated: no 0, nothing beyond 2^32-1, not empty.
 * Text is kept as written (`'4:2'` stays); arrays are joined in their order.
 *
 * @example
 * ```ts
 * formatSequenceSet([1, [3, 5], '*']); // '1,3:5,*'
 * formatSequenceSet('2:4');            // '2:4'
 * formatSequenceSet([0]);              // throws INVALID_SEQUENCE_SET
 * ```
 */
export function formatSequenceSet(
  input: SequenceSetInput | unknown,
  field = 'sequence',
  rules: SequenceSetRules = {},
): string {
  const star = rules.star ?? true;
  const dollar = rules.dollar ?? true;
  if (typeof input === 'string') return checkText(input, field, star, dollar);
  if (typeof input === 'number') return seqNumber(input, field, star);
  if (Array.isArray(input)) {
    if (input.length === 0) throw bad(field, 'an empty sequence set');
    // A loop, not map(): a hole in a sparse array is an error, not an empty item.
    let out = item(input[0], `${field}[0]`, star);
    for (let k = 1; k < input.length; k++) out += `,${item(input[k], `${field}[${k}]`, star)}`;
    return out;
  }
  if (input !== null && typeof input === 'object' && Array.isArray((input as { ranges?: unknown }).ranges)) {
    return formatSequenceSet((input as { ranges: unknown[] }).ranges, field, rules);
  }
  throw bad(field, `expected a sequence set, got ${describe(input)}`);
}

/** A `seq-number` as a number (0 for `*`), or -1 when {@link seqNumber} would throw. */
function seqValue(v: unknown, star: boolean): number {
  if (v === '*') return star ? 0 : -1;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX ? v : -1;
}

function writeSeqValue(w: Writer, v: number): void {
  if (v === 0) w.byte(Ch.Star);
  else w.digits(v);
}

/** Writes one item as {@link item} formats it; false (when `item` would throw) leaves junk written. */
function writeItem(w: Writer, v: unknown, star: boolean): boolean {
  let a: number;
  let b: number;
  if (Array.isArray(v)) {
    if (v.length !== 2) return false;
    a = seqValue(v[0], star);
    b = seqValue(v[1], star);
  } else if (v !== null && typeof v === 'object') {
    const r = v as { start?: unknown; end?: unknown };
    a = seqValue(r.start, star);
    b = seqValue(r.end, star);
  } else {
    a = seqValue(v, star);
    if (a < 0) return false;
    writeSeqValue(w, a);
    return true;
  }
  if (a < 0 || b < 0) return false;
  writeSeqValue(w, a);
  if (a !== b) {
    w.byte(Ch.Colon);
    writeSeqValue(w, b);
  }
  return true;
}

/**
 * Writes what {@link formatSequenceSet} returns, without making the text of a number or a list
 * first. Throws the same errors (a writer that threw is abandoned, so what it wrote is dropped).
 */
export function writeSequenceSet(
  w: Writer,
  input: SequenceSetInput | unknown,
  field: string,
  rules?: SequenceSetRules,
): void {
  const star = rules?.star ?? true;
  if (typeof input === 'string') {
    w.raw(checkText(input, field, star, rules?.dollar ?? true));
    return;
  }
  if (typeof input === 'number') {
    const v = seqValue(input, star);
    if (v > 0) w.digits(v);
    else w.raw(seqNumber(input, field, star));
    return;
  }
  if (Array.isArray(input) && input.length > 0) {
    for (let k = 0; k < input.length; k++) {
      if (k > 0) w.byte(Ch.Comma);
      if (!writeItem(w, input[k], star)) item(input[k], `${field}[${k}]`, star);
    }
    return;
  }
  w.raw(formatSequenceSet(input, field, rules));
}

/**
 * Compresses message numbers or UIDs into the shortest sequence set: sorted, duplicates
 * dropped, consecutive numbers joined into ranges.
 *
 * @example
 * ```ts
 * compressUids([7, 1, 2, 3, 5, 3]); // '1:3,5,7'
 * ```
 */
export function compressUids(uids: Iterable<number>, field = 'uids'): string {
  const list: number[] = [];
  for (const u of uids) {
    seqNumber(u, field, false);
    list.push(u);
  }
  if (list.length === 0) throw bad(field, 'an empty sequence set');
  list.sort((a, b) => a - b);
  const parts: string[] = [];
  let start = list[0]!;
  let prev = start;
  for (let k = 1; k <= list.length; k++) {
    const u = list[k];
    if (u === prev) continue;
    if (u === prev + 1) {
      prev = u;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}:${prev}`);
    if (u === undefined) break;
    start = prev = u;
  }
  return parts.join(',');
}
