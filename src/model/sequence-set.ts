/**
 * Sequence sets as servers send them (RFC 9051 `sequence-set`, `uid-set`): ranges kept as
 * written, `*` kept as `'*'`, never sorted or merged.
 */

/** One `seq-number` or `seq-range`; a single number has `start === end`. */
export interface SequenceRange {
  start: number | '*';
  end: number | '*';
}

/**
 * A parsed sequence set.
 *
 * @example
 * ```ts
 * // "1:3,7" → { text: '1:3,7', ranges: [{ start: 1, end: 3 }, { start: 7, end: 7 }] }
 * ```
 */
export interface SequenceSet {
  /** The set exactly as sent. */
  text: string;
  ranges: SequenceRange[];
}
