/**
 * ESEARCH, mirroring `parser/ext/esearch.ts` (RFC 4731 / RFC 9051 §7.3.4, RFC 9394 PARTIAL,
 * RFC 7162 MODSEQ).
 *
 * ```abnf
 * esearch-response   = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
 * search-correlator  = SP "(" "TAG" SP tag-string ")"
 * search-return-data = "MIN" SP nz-number / "MAX" SP nz-number / "ALL" SP sequence-set /
 *                      "COUNT" SP number / "MODSEQ" SP mod-sequence-value / ret-data-partial /
 *                      search-ret-data-ext
 * ret-data-partial   = "PARTIAL" SP "(" partial-range SP partial-results ")"
 * partial-range      = nz-number ":" nz-number / "-" nz-number ":" "-" nz-number
 * partial-results    = sequence-set / nil
 * ```
 * The tag is written as a quoted string (RFC 4731's `tag-string = string`; RFC 9051 reads an
 * astring too). Items go in a fixed order, unknown ones last; an unknown item named like a known
 * one (or `UID`) is refused.
 */

import type { Writer } from '../../encoder/writer.ts';
import { Ch } from '../../lexer/chars.ts';
import type { EsearchResponse } from '../../model/search.ts';
import { writeSet } from '../resp-code.ts';
import { invalid, list, writeAtom, writeExtValue } from '../values.ts';

const KNOWN = new Set(['MIN', 'MAX', 'ALL', 'COUNT', 'MODSEQ', 'PARTIAL', 'UID']);

/** Writes the ESEARCH response after `* `. */
export function writeEsearch(w: Writer, r: EsearchResponse): void {
  w.raw('ESEARCH');
  if (r.tag !== undefined) {
    w.raw(' (TAG ');
    w.string(r.tag, 'tag');
    w.byte(Ch.RParen);
  }
  if (r.uid === true) w.raw(' UID');
  else if (r.uid !== false) throw invalid('uid', 'expected a boolean');
  if (r.min !== undefined) w.raw(' MIN ').number(r.min, 'min', true);
  if (r.max !== undefined) w.raw(' MAX ').number(r.max, 'max', true);
  if (r.all !== undefined) {
    w.raw(' ALL ');
    writeSet(w, r.all, 'all', true);
  }
  if (r.count !== undefined) w.raw(' COUNT ').number(r.count, 'count');
  if (r.modseq !== undefined) w.raw(' MODSEQ ').number64(r.modseq, 'modseq', true);
  if (r.partial !== undefined) {
    const p = r.partial;
    const negative = typeof p.start === 'number' && p.start < 0;
    const end = negative ? -p.end : p.end;
    w.raw(' PARTIAL (');
    if (negative) w.byte(Ch.Minus);
    w.number(negative ? -p.start : p.start, 'partial.start', true).byte(Ch.Colon);
    if (negative) w.byte(Ch.Minus);
    // Both ends have the sign of the first (partial-range-first / partial-range-last).
    w.number(end, 'partial.end', true).sp();
    if (p.results === null) w.raw('NIL');
    else writeSet(w, p.results, 'partial.results', true);
    w.byte(Ch.RParen);
  }
  if (r.unknown !== undefined) {
    const unknown = list(r.unknown, 'unknown');
    for (let i = 0; i < unknown.length; i++) {
      const u = unknown[i]!;
      const f = `unknown[${i}]`;
      if (typeof u?.name === 'string' && KNOWN.has(u.name.toUpperCase()))
        throw invalid(`${f}.name`, `${u.name} is read into its own field: set it there`);
      w.sp();
      writeAtom(w, u.name, `${f}.name`);
      w.sp();
      writeExtValue(w, u.value, `${f}.value`);
    }
  }
}
