/**
 * VANISHED, mirroring `parser/ext/vanished.ts` (RFC 7162 §3.2.10).
 *
 * ```abnf
 * expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids
 * known-uids    = sequence-set        ; "*" is not allowed
 * ```
 */
import type { Writer } from '../../encoder/writer.ts';
import type { VanishedResponse } from '../../model/vanished.ts';
import { writeSet } from '../resp-code.ts';
import { invalid } from '../values.ts';

/** Writes the VANISHED response after `* `. */
export function writeVanished(w: Writer, r: VanishedResponse): void {
  if (typeof r.earlier !== 'boolean') throw invalid('earlier', 'expected a boolean');
  w.raw(r.earlier ? 'VANISHED (EARLIER) ' : 'VANISHED ');
  writeSet(w, r.uids, 'uids', false);
}
