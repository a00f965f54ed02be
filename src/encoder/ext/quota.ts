/**
 * QUOTA (RFC 9208 §4.1–§4.3; RFC 2087 before it).
 *
 * ```abnf
 * getquota          = "GETQUOTA" SP quota-root-name
 * getquotaroot      = "GETQUOTAROOT" SP mailbox
 * setquota          = "SETQUOTA" SP quota-root-name SP setquota-list
 * setquota-list     = "(" [setquota-resource *(SP setquota-resource)] ")"
 * setquota-resource = resource-name SP resource-limit
 * quota-root-name   = astring
 * resource-name     = "STORAGE" / "MESSAGE" / "MAILBOX" / "ANNOTATION-STORAGE" / resource-name-ext
 * resource-name-ext = atom
 * resource-limit    = number64
 * ```
 */
import { eachItem, expectArray, expectObject } from '../check.ts';
import { writeMailbox } from '../mailbox.ts';
import type { Writer } from '../writer.ts';

/** `GETQUOTA root` */
export function writeGetQuota(w: Writer, c: Record<string, unknown>): void {
  w.raw('GETQUOTA ').astring(c['root'], 'root');
}

/** `GETQUOTAROOT mailbox` */
export function writeGetQuotaRoot(w: Writer, c: Record<string, unknown>): void {
  w.raw('GETQUOTAROOT ');
  writeMailbox(w, c['mailbox'], 'mailbox');
}

/** `SETQUOTA root (resource limit …)` */
export function writeSetQuota(w: Writer, c: Record<string, unknown>): void {
  w.raw('SETQUOTA ').astring(c['root'], 'root').raw(' (');
  eachItem(expectArray(c['limits'], 'limits'), (l, i) => {
    const f = `limits[${i}]`;
    const o = expectObject(l, f);
    if (i > 0) w.sp();
    w.atom(o['resource'], `${f}.resource`, undefined, 'a resource name atom')
      .sp()
      .number64(o['limit'], `${f}.limit`);
  });
  w.raw(')');
}
