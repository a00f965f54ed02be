/**
 * THREAD (RFC 5256 §4), read into a compact form first.
 *
 * ```abnf
 * thread-data    = "THREAD" [SP 1*thread-list]
 * thread-list    = "(" (thread-members / thread-nested) ")"
 * thread-members = nz-number *(SP nz-number) [SP thread-nested]
 * thread-nested  = 2*thread-list
 * ```
 *
 * A thread-list becomes `{ ids, children }`: the members (each the parent of the next) and the
 * lists nested after them, so a 10,000-message chain `(1 2 … 10000)` is one node, and the tree
 * is only as deep as the parentheses. Parsing is iterative with an explicit stack; each "(" is
 * counted against the cursor's depth limit (`DEPTH_EXCEEDED`).
 *
 * The grammar is checked as the bytes are read, into words of a `Uint32Array` in pre-order: a
 * node is its member count, its members, its child count, then its children. A THREAD of a few
 * thousand nodes is made into objects at once; a larger one keeps only the words (4 bytes a
 * member, 8 a node) and makes `threads` on first read. Objects cost ~270 bytes a thread: a
 * THREAD of 10,000,000 one-message threads was past a default Node heap (issue #24).
 */
import { Ch, DIGIT } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import type { Thread, ThreadResponse } from '../../model/search.ts';

/** Responses of up to this many words are made into objects at once. */
const EAGER_WORDS = 16 * 1024;

/** A growing `Uint32Array` of words. */
class Words {
  buf = new Uint32Array(256);
  n = 0;

  push(v: number): number {
    if (this.n === this.buf.length) {
      const next = new Uint32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n] = v;
    return this.n++;
  }
}

const enum State {
  /** Just after "(": members or nested lists follow. */
  Start,
  /** In a thread-nested: another "(" or the end of the enclosing list. */
  Nested,
}

/** One top-level `thread-list`, written to `w`. */
function takeThreadList(cur: Cursor, w: Words): void {
  // Per open node: where its member count and its child count are.
  const heads: number[] = [];
  const kids: number[] = [];
  cur.enter();
  let head = w.push(0);
  let kid = -1;
  let state = State.Start;
  const members = (): void => {
    kid = w.push(0);
  };
  for (;;) {
    if (state === State.Start) {
      if (DIGIT[cur.peek()] === 1) {
        w.push(cur.takeNzNumber());
        w.buf[head]!++;
        while (cur.peek() === Ch.Space) {
          cur.pos++;
          if (cur.peek() === Ch.LParen) {
            state = State.Nested;
            break;
          }
          w.push(cur.takeNzNumber());
          w.buf[head]!++;
        }
      } else if (cur.peek() === Ch.LParen) state = State.Nested;
      else cur.fail('a message number or "("');
      members();
    }
    if (state === State.Nested) {
      if (cur.peek() === Ch.LParen) {
        heads.push(head);
        kids.push(kid);
        cur.enter();
        head = w.push(0);
        state = State.Start;
        continue;
      }
      if (w.buf[kid]! < 2) cur.fail('another thread list (thread-nested = 2*thread-list)');
    }
    // The end of this list: back to its parent, which is in its nested part.
    cur.leave();
    const parent = heads.pop();
    if (parent === undefined) return;
    head = parent;
    kid = kids.pop()!;
    w.buf[kid]!++;
    state = State.Nested;
  }
}

/** The trees the words of {@link takeThreadList} describe. */
function threadsOf(words: Uint32Array): Thread[] {
  const out: Thread[] = [];
  // Per node being filled: the node and how many children it still expects.
  const stack: Thread[] = [];
  const left: number[] = [];
  let i = 0;
  while (i < words.length) {
    const count = words[i++]!;
    const node: Thread = { ids: Array.from(words.subarray(i, i + count)), children: [] };
    i += count;
    const children = words[i++]!;
    const parent = stack.at(-1);
    if (parent === undefined) out.push(node);
    else parent.children.push(node);
    if (parent !== undefined) left[left.length - 1]!--;
    if (children > 0) {
      stack.push(node);
      left.push(children);
    }
    while (stack.length > 0 && left.at(-1) === 0) {
      stack.pop();
      left.pop();
    }
  }
  return out;
}

/** Reads the data after `* THREAD`. */
export function takeThread(cur: Cursor): ThreadResponse {
  const w = new Words();
  // `* THREAD \r\n` (ruby/net-imap test_invalid_thread_empty_response): quirk trailingSpace.
  if (!cur.skipTrailingSpace() && cur.skipIf(Ch.Space)) {
    do takeThreadList(cur, w);
    while (cur.peek() === Ch.LParen);
  }
  const words = w.buf.subarray(0, w.n);
  if (w.n <= EAGER_WORDS) return { type: 'untagged', kind: 'thread', threads: threadsOf(words) };
  const compact = words.slice();
  const r = { type: 'untagged', kind: 'thread' } as ThreadResponse;
  let threads: Thread[] | undefined;
  Object.defineProperty(r, 'threads', {
    enumerable: true,
    configurable: true,
    get: () => {
      threads ??= threadsOf(compact);
      return threads;
    },
    set: (v: Thread[]) => {
      threads = v;
    },
  });
  return r;
}
