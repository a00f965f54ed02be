/**
 * SELECT and EXAMINE (RFC 9051 §6.3.2–§6.3.3) with RFC 7162 CONDSTORE and QRESYNC parameters.
 *
 * ```abnf
 * select         = "SELECT" SP mailbox [select-params]       ; RFC 4466 §2.1
 * examine        = "EXAMINE" SP mailbox [select-params]
 * select-params  = SP "(" select-param *(SP select-param) ")"
 * select-param   =/ "CONDSTORE"                               ; RFC 7162 §3.1.8
 * select-param   =/ "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids]
 *                   [SP seq-match-data] ")"                   ; RFC 7162 §3.2.5
 * uidvalidity    = nz-number
 * known-uids     = sequence-set                 ; "*" is not allowed
 * seq-match-data = "(" known-sequence-set SP known-uid-set ")"
 * ```
 */
import { expectObject, optionalBoolean } from './check.ts';
import { writeMailbox } from './mailbox.ts';
import { formatSequenceSet } from './sequence-set.ts';
import type { Writer } from './writer.ts';

const NO_STAR = { star: false, dollar: false };

/** `SELECT` / `EXAMINE` `mailbox [(params)]`. */
export function writeSelect(w: Writer, c: Record<string, unknown>): void {
  w.raw(c['name'] === 'EXAMINE' ? 'EXAMINE ' : 'SELECT ');
  writeMailbox(w, c['mailbox'], 'mailbox');
  const condstore = optionalBoolean(c['condstore'], 'condstore');
  const q = c['qresync'];
  if (!condstore && q === undefined) return;
  w.raw(' (');
  if (condstore) w.raw('CONDSTORE');
  if (q !== undefined) {
    const o = expectObject(q, 'qresync');
    if (condstore) w.sp();
    w.raw('QRESYNC (')
      .number(o['uidValidity'], 'qresync.uidValidity', true)
      .sp()
      .number64(o['modseq'], 'qresync.modseq', true);
    if (o['knownUids'] !== undefined) {
      w.sp().raw(formatSequenceSet(o['knownUids'], 'qresync.knownUids', NO_STAR));
    }
    if (o['seqMatch'] !== undefined) {
      const m = expectObject(o['seqMatch'], 'qresync.seqMatch');
      w.raw(' (')
        .raw(formatSequenceSet(m['sequences'], 'qresync.seqMatch.sequences', NO_STAR))
        .sp()
        .raw(formatSequenceSet(m['uids'], 'qresync.seqMatch.uids', NO_STAR))
        .raw(')');
    }
    w.raw(')');
  }
  w.raw(')');
}
