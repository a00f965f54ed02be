/**
 * SORT and THREAD, mirroring `parser/ext/sort-thread.ts` (RFC 5256, RFC 7162 §3.1.5).
 *
 * ```abnf
 * sort-data       = "SORT" *(SP nz-number) [SP search-sort-mod-seq]
 * thread-data     = "THREAD" [SP 1*thread-list]
 * thread-list     = "(" (thread-members / thread-nested) ")"
 * thread-members  = nz-number *(SP nz-number) [SP thread-nested]
 * thread-nested   = 2*thread-list
 * ```
 * A `Thread` is its chain of members (`ids`) and the threads under the last one (`children`):
 * the grammar has no nested part of one thread (a chain continues in `ids`), so one child, or
 * a thread with neither members nor two children, is refused.
 */

import type { Writer } from '../../encoder/writer.ts';
import { Ch } from '../../lexer/chars.ts';
import type { SortResponse, Thread, ThreadResponse } from '../../model/search.ts';
import { checkDepth, invalid, list } from '../values.ts';

/** `*(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]` (SEARCH and SORT). */
export function writeIds(w: Writer, ids: number[], modseq: bigint | undefined): void {
  const list_ = list(ids, 'ids');
  for (let i = 0; i < list_.length; i++) w.sp().number(list_[i], `ids[${i}]`, true);
  if (modseq !== undefined) w.raw(' (MODSEQ ').number64(modseq, 'modseq', true).byte(Ch.RParen);
}

/** Writes `"SORT" …` after `* `. */
export function writeSort(w: Writer, r: SortResponse): void {
  w.raw('SORT');
  writeIds(w, r.ids, r.modseq);
}

/** Writes `"THREAD" [SP 1*thread-list]` after `* `. */
export function writeThreadResponse(w: Writer, r: ThreadResponse): void {
  w.raw('THREAD');
  const threads = list(r.threads, 'threads');
  if (threads.length > 0) w.sp();
  for (let i = 0; i < threads.length; i++) writeThread(w, threads[i]!, `threads[${i}]`, 0);
}

function writeThread(w: Writer, t: Thread, field: string, depth: number): void {
  checkDepth(depth, field);
  if (t === null || typeof t !== 'object') throw invalid(field, 'expected { ids, children }');
  const ids = list(t.ids, `${field}.ids`);
  const children = list(t.children, `${field}.children`);
  if (children.length === 1)
    throw invalid(
      `${field}.children`,
      'one child continues the chain: put its ids in ids (thread-nested = 2*thread-list)',
    );
  if (ids.length === 0 && children.length === 0) throw invalid(field, 'a thread has members or two children');
  w.byte(Ch.LParen);
  for (let i = 0; i < ids.length; i++) {
    if (i > 0) w.sp();
    w.number(ids[i], `${field}.ids[${i}]`, true);
  }
  if (ids.length > 0 && children.length > 0) w.sp();
  for (let i = 0; i < children.length; i++)
    writeThread(w, children[i]!, `${field}.children[${i}]`, depth + 1);
  w.byte(Ch.RParen);
}
