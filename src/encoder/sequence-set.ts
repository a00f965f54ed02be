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
import type { SequenceItem, SequenceSetInput } from '../model/command.ts';
import { ImapEncodeError } from './errors.ts';
import { describe } from './writer.ts';

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

/** Checks wire text against the grammar; returns it unchanged (ranges stay as written). */
function checkText(s: string, field: string, star: boolean, dollar: boolean): string {
  if (s === '$') {
    if (!dollar) throw bad(field, '"$" is not allowed here');
    return s;
  }
  let i = 0;
  let second = false;
  for (;;) {
    if (s[i] === '*') {
      if (!star) throw bad(field, '"*" is not allowed here');
      i++;
    } else {
      const start = i;
      if (s[i] === '0') throw bad(field, `${JSON.stringify(s)}: 0 or a leading zero at ${i}`);
      let v = 0;
      while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39)
        v = v * 10 + (s.charCodeAt(i++) - 0x30);
      if (i === start) throw bad(field, `${JSON.stringify(s)}: expected a number or "*" at ${i}`);
      if (i - start > 10 || v > MAX) throw bad(field, `${JSON.stringify(s)}: beyond 4294967295 at ${start}`);
    }
    if (i === s.length) return s;
    const sep = s[i];
    // A ":" joins exactly two numbers.
    if (sep === ':' && !second) second = true;
    else if (sep === ',') second = false;
    else throw bad(field, `${JSON.stringify(s)}: unexpected ${JSON.stringify(sep)} at ${i}`);
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
    return input.map((v, k) => item(v, `${field}[${k}]`, star)).join(',');
  }
  if (input !== null && typeof input === 'object' && Array.isArray((input as { ranges?: unknown }).ranges)) {
    return formatSequenceSet((input as { ranges: unknown[] }).ranges, field, rules);
  }
  throw bad(field, `expected a sequence set, got ${describe(input)}`);
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
