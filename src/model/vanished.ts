/** RFC 7162 §3.2.10 VANISHED. */
import type { SequenceSet } from './sequence-set.ts';

/**
 * `"VANISHED" [SP "(EARLIER)"] SP known-uids`: UIDs expunged (now, or `earlier` during a
 * QRESYNC resynchronisation or a UID FETCH … VANISHED).
 *
 * @example
 * ```ts
 * // * VANISHED (EARLIER) 41:59 → { kind: 'vanished', earlier: true, uids: { text: '41:59', … } }
 * ```
 */
export interface VanishedResponse {
  type: 'untagged';
  kind: 'vanished';
  earlier: boolean;
  uids: SequenceSet;
}
