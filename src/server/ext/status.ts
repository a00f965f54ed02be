/**
 * STATUS, mirroring `parser/ext/status.ts` (RFC 9051 §7.3.4, RFC 8438 SIZE, RFC 7162
 * HIGHESTMODSEQ, RFC 9208 DELETED-STORAGE, RFC 7889 APPENDLIMIT, RFC 8474 MAILBOXID).
 *
 * ```abnf
 * mailbox-data    =/ "STATUS" SP mailbox SP "(" [status-att-list] ")"
 * status-att-list = status-att-val *(SP status-att-val)
 * status-att-val  = ("MESSAGES" SP number) / ("UIDNEXT" SP nz-number) / ("UIDVALIDITY" SP nz-number) /
 *                   ("UNSEEN" SP number) / ("DELETED" SP number) / ("SIZE" SP number64) /
 *                   "RECENT" SP number / "HIGHESTMODSEQ" SP mod-sequence-valzer /
 *                   "DELETED-STORAGE" SP number64 / "APPENDLIMIT" SP (number / nil) /
 *                   "MAILBOXID" SP "(" objectid ")"
 * ```
 * Unknown items are written as `name SP raw` (their value's wire bytes, as the decoder kept
 * them); a name the decoder knows is refused there (it would be read as that item).
 */
import type { Writer } from '../../encoder/writer.ts';
import type { StatusResponse } from '../../model/status.ts';
import { invalid, list, writeAtom, writeMailbox, writeObjectId, writeRaw } from '../values.ts';

const KNOWN = new Set([
  'MESSAGES',
  'RECENT',
  'UIDNEXT',
  'UIDVALIDITY',
  'UNSEEN',
  'DELETED',
  'SIZE',
  'DELETED-STORAGE',
  'HIGHESTMODSEQ',
  'APPENDLIMIT',
  'MAILBOXID',
]);

/** Writes `"STATUS" SP mailbox SP "(" [status-att-list] ")"` after `* `. */
export function writeStatusResponse(w: Writer, r: StatusResponse): void {
  w.raw('STATUS ');
  writeMailbox(w, r.mailboxRaw, r.mailbox, 'mailbox');
  w.raw(' (');
  const a = r.attributes;
  if (a === null || typeof a !== 'object') throw invalid('attributes', 'expected the STATUS attributes');
  let n = 0;
  const item = (name: string): Writer => w.raw(n++ > 0 ? ` ${name} ` : `${name} `);
  if (a.messages !== undefined) item('MESSAGES').number(a.messages, 'attributes.messages');
  if (a.recent !== undefined) item('RECENT').number(a.recent, 'attributes.recent');
  if (a.uidNext !== undefined) item('UIDNEXT').number(a.uidNext, 'attributes.uidNext', true);
  if (a.uidValidity !== undefined) item('UIDVALIDITY').number(a.uidValidity, 'attributes.uidValidity', true);
  if (a.unseen !== undefined) item('UNSEEN').number(a.unseen, 'attributes.unseen');
  if (a.deleted !== undefined) item('DELETED').number(a.deleted, 'attributes.deleted');
  if (a.size !== undefined) item('SIZE').number64(a.size, 'attributes.size');
  if (a.deletedStorage !== undefined)
    item('DELETED-STORAGE').number64(a.deletedStorage, 'attributes.deletedStorage');
  if (a.highestModseq !== undefined)
    item('HIGHESTMODSEQ').number64(a.highestModseq, 'attributes.highestModseq');
  if (a.appendLimit !== undefined) {
    if (a.appendLimit === null) item('APPENDLIMIT').raw('NIL');
    else item('APPENDLIMIT').number(a.appendLimit, 'attributes.appendLimit');
  }
  if (a.mailboxId !== undefined) {
    item('MAILBOXID');
    writeObjectId(w, a.mailboxId, 'attributes.mailboxId');
  }
  if (a.unknown !== undefined) {
    const unknown = list(a.unknown, 'attributes.unknown');
    for (let i = 0; i < unknown.length; i++) {
      const u = unknown[i]!;
      const f = `attributes.unknown[${i}]`;
      if (u === null || typeof u !== 'object') throw invalid(f, 'expected { name, raw }');
      if (typeof u.name === 'string' && KNOWN.has(u.name.toUpperCase()))
        throw invalid(`${f}.name`, `${u.name} is a known item: set its field`);
      if (n++ > 0) w.sp();
      writeAtom(w, u.name, `${f}.name`);
      w.sp();
      if (!(u.raw instanceof Uint8Array) || u.raw.length === 0)
        throw invalid(`${f}.raw`, "expected the value's bytes");
      writeRaw(w, u.raw, `${f}.raw`, false);
    }
  }
  w.raw(')');
}
