/**
 * Extended search results: ESEARCH (RFC 4731, RFC 9051 §7.3.4, RFC 9394 PARTIAL, RFC 7162
 * MODSEQ), SORT and THREAD (RFC 5256).
 */
import type { SequenceSet } from './sequence-set.ts';
import type { ExtValue } from './tagged-ext.ts';

/** RFC 9394 `"PARTIAL" SP "(" partial-range SP partial-results ")"`. */
export interface EsearchPartial {
  /** The range as sent: `1:100` → 1 and 100; `-1:-100` (counted from the end) → -1 and -100. */
  start: number;
  end: number;
  /** The UIDs or numbers in that range, or `null` (NIL: none). */
  results: SequenceSet | null;
}

/** A `search-ret-data-ext` this parser has no type for: its name and value tree. */
export interface EsearchUnknownItem {
  name: string;
  value: ExtValue;
}

/**
 * `"ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)`.
 *
 * @example
 * ```ts
 * // * ESEARCH (TAG "A7") UID MIN 2 COUNT 10
 * // { kind: 'esearch', tag: 'A7', uid: true, min: 2, count: 10 }
 * ```
 */
export interface EsearchResponse {
  type: 'untagged';
  kind: 'esearch';
  /** The `(TAG tag-string)` correlator: the tag of the command this answers. */
  tag?: string;
  /** True when the results are UIDs. */
  uid: boolean;
  min?: number;
  max?: number;
  count?: number;
  /** `"ALL" SP sequence-set`, ranges as sent. */
  all?: SequenceSet;
  /** RFC 7162 `"MODSEQ" SP mod-sequence-value`. */
  modseq?: bigint;
  partial?: EsearchPartial;
  unknown?: EsearchUnknownItem[];
}

/** `"SORT" *(SP nz-number) [SP search-sort-mod-seq]` (RFC 5256, RFC 7162 §3.1.5). */
export interface SortResponse {
  type: 'untagged';
  kind: 'sort';
  ids: number[];
  modseq?: bigint;
}

/**
 * One `thread-list`: a chain of messages (each the parent of the next, `ids`) and the threads
 * branching under the last of them (`children`). A thread whose first message is missing has
 * no `ids`: `((3)(5))` is `{ ids: [], children: [{ ids: [3], … }, { ids: [5], … }] }`.
 *
 * @example
 * ```ts
 * // (3 6 (4 23)(44 7 96)) →
 * // { ids: [3, 6], children: [{ ids: [4, 23], children: [] }, { ids: [44, 7, 96], children: [] }] }
 * ```
 */
export interface Thread {
  ids: number[];
  children: Thread[];
}

/** `"THREAD" [SP 1*thread-list]` (RFC 5256). */
export interface ThreadResponse {
  type: 'untagged';
  kind: 'thread';
  threads: Thread[];
}
