/**
 * ACL, LISTRIGHTS and MYRIGHTS, mirroring `parser/ext/acl.ts` (RFC 4314).
 *
 * ```abnf
 * acl-data        = "ACL" SP mailbox *(SP identifier SP rights)
 * listrights-data = "LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)
 * myrights-data   = "MYRIGHTS" SP mailbox SP rights
 * identifier      = astring
 * rights          = astring
 * ```
 */
import type { Writer } from '../../encoder/writer.ts';
import type { AclResponse, ListRightsResponse, MyRightsResponse } from '../../model/acl.ts';
import { invalid, list, writeMailbox } from '../values.ts';

/** Writes the ACL response after `* `. */
export function writeAcl(w: Writer, r: AclResponse): void {
  w.raw('ACL ');
  writeMailbox(w, r.mailboxRaw, r.mailbox, 'mailbox');
  const entries = list(r.entries, 'entries');
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e === null || typeof e !== 'object')
      throw invalid(`entries[${i}]`, 'expected { identifier, rights }');
    w.sp().astring(e.identifier, `entries[${i}].identifier`).sp().astring(e.rights, `entries[${i}].rights`);
  }
}

/** Writes the LISTRIGHTS response after `* `. */
export function writeListRights(w: Writer, r: ListRightsResponse): void {
  w.raw('LISTRIGHTS ');
  writeMailbox(w, r.mailboxRaw, r.mailbox, 'mailbox');
  w.sp().astring(r.identifier, 'identifier').sp().astring(r.required, 'required');
  const optional = list(r.optional, 'optional');
  for (let i = 0; i < optional.length; i++) w.sp().astring(optional[i], `optional[${i}]`);
}

/** Writes the MYRIGHTS response after `* `. */
export function writeMyRights(w: Writer, r: MyRightsResponse): void {
  w.raw('MYRIGHTS ');
  writeMailbox(w, r.mailboxRaw, r.mailbox, 'mailbox');
  w.sp().astring(r.rights, 'rights');
}
