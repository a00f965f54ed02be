/**
 * ESEARCH: RFC 4731 (as folded into RFC 9051 §7.3.4), RFC 9394 (PARTIAL), RFC 7162 §3.1.5
 * (MODSEQ). ESORT (RFC 5267) answers with ESEARCH too.
 *
 * ```abnf
 * esearch-response   = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
 * search-correlator  = SP "(" "TAG" SP tag-string ")"
 * tag-string         = astring                       ; RFC 9051 (RFC 4731: string)
 * search-return-data = "MIN" SP nz-number / "MAX" SP nz-number / "ALL" SP sequence-set /
 *                      "COUNT" SP number / search-ret-data-ext
 * search-return-data =/ "MODSEQ" SP mod-sequence-value                     ; RFC 7162
 * search-return-data =/ ret-data-partial                                    ; RFC 9394
 * ret-data-partial   = "PARTIAL" SP "(" partial-range SP partial-results ")"
 * partial-range      = partial-range-first / partial-range-last
 * partial-range-first = nz-number ":" nz-number
 * partial-range-last = MINUS nz-number ":" MINUS nz-number
 * partial-results    = sequence-set / nil
 * search-ret-data-ext = search-modifier-name SP search-return-value
 * search-return-value = tagged-ext-val
 * ```
 */
import { ATOM_CHAR, Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { KeywordTable } from '../../lexer/keywords.ts';
import { atomString } from '../../lexer/strings.ts';
import type { EsearchPartial, EsearchResponse } from '../../model/search.ts';
import { takeAStringText } from '../astring.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { takeSequenceSet } from '../sequence-set.ts';
import { takeExtValue } from '../tagged-ext.ts';

const enum Item {
  Min,
  Max,
  All,
  Count,
  Modseq,
  Partial,
}

const itemNames = new KeywordTable<Item>()
  .add('MIN', Item.Min)
  .add('MAX', Item.Max)
  .add('ALL', Item.All)
  .add('COUNT', Item.Count)
  .add('MODSEQ', Item.Modseq)
  .add('PARTIAL', Item.Partial);

/** One end of a `partial-range`: `nz-number`, negated after a MINUS. */
function rangeEnd(cur: Cursor, negative: boolean): number {
  if (negative) cur.expect(Ch.Minus, '"-" (both ends of a partial-range-last are negative)');
  else if (cur.peek() === Ch.Minus) cur.fail('nz-number (both ends of a partial-range-first are positive)');
  const n = cur.takeNzNumber();
  return negative ? -n : n;
}

/** `"(" partial-range SP partial-results ")"` */
function takePartial(cur: Cursor): EsearchPartial {
  cur.enter();
  const negative = cur.peek() === Ch.Minus;
  const start = rangeEnd(cur, negative);
  cur.expect(Ch.Colon, '":"');
  const end = rangeEnd(cur, negative);
  cur.expectSp();
  const results = cur.skipNil() ? null : takeSequenceSet(cur);
  cur.leave();
  return { start, end, results };
}

/** Reads the data after `* ESEARCH`. */
export function takeEsearch(cur: Cursor): EsearchResponse {
  let tag: string | undefined;
  if (cur.peek() === Ch.Space && cur.peekAt(1) === Ch.LParen) {
    cur.pos++;
    cur.enter();
    cur.expectKeyword('TAG');
    cur.expectSp();
    tag = takeAStringText(cur);
    cur.leave();
  }
  const r: EsearchResponse =
    tag === undefined
      ? { type: 'untagged', kind: 'esearch', uid: false }
      : { type: 'untagged', kind: 'esearch', tag, uid: false };
  if (cur.peek() === Ch.Space) {
    cur.pos++;
    if (cur.isKeyword('UID')) {
      cur.pos += 3;
      r.uid = true;
    } else cur.pos--; // not UID: the loop below reads this SP and the first item
  }
  const buf = cur.buf;
  while (cur.skipIf(Ch.Space)) {
    cur.takeRun(ATOM_CHAR, 'a search return item (MIN, MAX, ALL, COUNT …)');
    const nameStart = cur.tokStart;
    const nameEnd = cur.tokEnd;
    cur.expectSp();
    switch (itemNames.get(buf, nameStart, nameEnd)) {
      case Item.Min:
        r.min = cur.takeNzNumber();
        break;
      case Item.Max:
        r.max = cur.takeNzNumber();
        break;
      case Item.All:
        r.all = takeSequenceSet(cur);
        break;
      case Item.Count:
        r.count = cur.takeNumber();
        break;
      case Item.Modseq:
        r.modseq = cur.takeNumber64();
        break;
      case Item.Partial:
        r.partial = takePartial(cur);
        break;
      default:
        (r.unknown ??= []).push({ name: atomString(buf, nameStart, nameEnd), value: takeExtValue(cur) });
    }
  }
  return r;
}

/** Plugs ESEARCH into the dispatch. */
export function registerEsearch(registerUntagged: RegisterUntagged): void {
  registerUntagged('ESEARCH', takeEsearch);
}
