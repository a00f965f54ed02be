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
 * A thread-list becomes `{ ids, children }`: the members (each the parent of the next) and the
 * lists nested after them, so a 10,000-message chain `(1 2 … 10000)` is one node, and the tree
 * is only as deep as the parentheses. Parsing is iterative with an explicit stack; each "(" is
 * counted against the cursor's depth limit (`DEPTH_EXCEEDED`).
 */
import { Ch, DIGIT } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import type { SortResponse, Thread, ThreadResponse } from '../../model/search.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { takeNzNumberRun } from '../number-run.ts';

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

const enum State {
  /** Just after "(": members or nested lists follow. */
  Start,
  /** In a thread-nested: another "(" or the end of the enclosing list. */
  Nested,
}

/** One top-level `thread-list`. */
function takeThreadList(cur: Cursor): Thread {
  const parents: Thread[] = [];
  const counts: number[] = [];
  cur.enter();
  let node: Thread = { ids: [], children: [] };
  let nested = 0;
  let state = State.Start;
  for (;;) {
    if (state === State.Start) {
      if (DIGIT[cur.peek()] === 1) {
        node.ids.push(cur.takeNzNumber());
        while (cur.peek() === Ch.Space) {
          cur.pos++;
          if (cur.peek() === Ch.LParen) {
            state = State.Nested;
            break;
          }
          node.ids.push(cur.takeNzNumber());
        }
      } else if (cur.peek() === Ch.LParen) state = State.Nested;
      else cur.fail('a message number or "("');
    }
    if (state === State.Nested) {
      if (cur.peek() === Ch.LParen) {
        parents.push(node);
        counts.push(nested);
        cur.enter();
        node = { ids: [], children: [] };
        nested = 0;
        state = State.Start;
        continue;
      }
      if (nested < 2) cur.fail('another thread list (thread-nested = 2*thread-list)');
    }
    // The end of this list: back to its parent, which is in its nested part.
    cur.leave();
    const parent = parents.pop();
    if (parent === undefined) return node;
    parent.children.push(node);
    node = parent;
    nested = counts.pop()! + 1;
    state = State.Nested;
  }
}

/** Reads the data after `* THREAD`. */
export function takeThread(cur: Cursor): ThreadResponse {
  const threads: Thread[] = [];
  // `* THREAD \r\n` (ruby/net-imap test_invalid_thread_empty_response): quirk trailingSpace.
  if (!cur.skipTrailingSpace() && cur.skipIf(Ch.Space)) {
    do threads.push(takeThreadList(cur));
    while (cur.peek() === Ch.LParen);
  }
  return { type: 'untagged', kind: 'thread', threads };
}

/** Plugs SORT and THREAD into the dispatch. */
export function registerSortThread(registerUntagged: RegisterUntagged): void {
  registerUntagged('SORT', takeSort);
  registerUntagged('THREAD', takeThread);
}
