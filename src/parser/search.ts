/**
 * ```abnf
 * mailbox-data        =/ "SEARCH" *(SP nz-number) [SP search-sort-mod-seq]   ; RFC 3501, RFC 7162
 * search-sort-mod-seq = "(" "MODSEQ" SP mod-sequence-value ")"
 * ```
 */
import { Ch } from '../lexer/chars.ts';
import type { Cursor } from '../lexer/cursor.ts';
import type { SearchResponse } from '../model/response.ts';
import { takeNzNumberRun } from './number-run.ts';

/** Reads the data after `* SEARCH`. */
export function takeSearch(cur: Cursor): SearchResponse {
  const ids: number[] = [];
  const out: SearchResponse = { type: 'untagged', kind: 'search', ids };
  for (;;) {
    takeNzNumberRun(cur, ids);
    if (cur.peek() !== Ch.Space || cur.skipTrailingSpace()) break;
    cur.pos++;
    if (cur.peek() === Ch.LParen) {
      cur.enter();
      cur.expectKeyword('MODSEQ');
      cur.expectSp();
      out.modseq = cur.takeModSeq();
      cur.leave();
      cur.skipTrailingSpace();
      break;
    }
    ids.push(cur.takeNzNumber());
  }
  return out;
}
