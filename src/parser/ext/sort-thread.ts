/**
 * SORT and THREAD: RFC 5256, with RFC 7162 §3.1.5 (MODSEQ after SORT).
 *
 * ```abnf
 * sort-data       = "SORT" *(SP nz-number) [SP search-sort-mod-seq]
 * search-sort-mod-seq = "(" "MODSEQ" SP mod-sequence-value ")"        ; RFC 7162
 * thread-data     = "THREAD" [SP 1*thread-list]
 * thread-list     = "(" (thread-members / thread-nested) ")"
 * thread-members  = nz-number *(SP nz-number) [SP thread-nested]
 * thread-nested   = 2*thread-list
 * ```
 * THREAD itself is read in thread.ts.
 */
import { Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import type { SortResponse } from '../../model/search.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { takeNzNumberRun } from '../number-run.ts';
import { takeThread } from './thread.ts';

/** Reads the data after `* SORT`. */
export function takeSort(cur: Cursor): SortResponse {
  const ids: number[] = [];
  const r: SortResponse = { type: 'untagged', kind: 'sort', ids };
  for (;;) {
    takeNzNumberRun(cur, ids);
    if (!cur.skipIf(Ch.Space)) break;
    if (cur.peek() === Ch.LParen) {
      cur.enter();
      cur.expectKeyword('MODSEQ');
      cur.expectSp();
      r.modseq = cur.takeNumber64();
      cur.leave();
      break;
    }
    ids.push(cur.takeNzNumber());
  }
  return r;
}

/** Plugs SORT and THREAD into the dispatch. */
export function registerSortThread(registerUntagged: RegisterUntagged): void {
  registerUntagged('SORT', takeSort);
  registerUntagged('THREAD', takeThread);
}
