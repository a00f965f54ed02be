/**
 * QUOTA and QUOTAROOT, mirroring `parser/ext/quota.ts` (RFC 9208).
 *
 * ```abnf
 * quota-response     = "QUOTA" SP quota-root-name SP quota-list
 * quota-list         = "(" quota-resource *(SP quota-resource) ")"
 * quota-resource     = resource-name SP resource-usage SP resource-limit
 * quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)
 * quota-root-name    = astring
 * ```
 * An empty list `()` (RFC 2087 allowed it, servers send it for a root without limits) is
 * written for no resources.
 */

import type { Writer } from '../../encoder/writer.ts';
import { Ch } from '../../lexer/chars.ts';
import type { QuotaResponse, QuotaRootResponse } from '../../model/quota.ts';
import { invalid, list, writeAtom, writeMailbox } from '../values.ts';

/** Writes the QUOTA response after `* `. */
export function writeQuota(w: Writer, r: QuotaResponse): void {
  w.raw('QUOTA ').astring(r.root, 'root').raw(' (');
  const resources = list(r.resources, 'resources');
  for (let i = 0; i < resources.length; i++) {
    const q = resources[i]!;
    const f = `resources[${i}]`;
    if (q === null || typeof q !== 'object') throw invalid(f, 'expected { name, usage, limit }');
    if (i > 0) w.sp();
    writeAtom(w, q.name, `${f}.name`);
    w.sp().number64(q.usage, `${f}.usage`).sp().number64(q.limit, `${f}.limit`);
  }
  w.byte(Ch.RParen);
}

/** Writes the QUOTAROOT response after `* `. */
export function writeQuotaRoot(w: Writer, r: QuotaRootResponse): void {
  w.raw('QUOTAROOT ');
  writeMailbox(w, r.mailboxRaw, r.mailbox, 'mailbox');
  const roots = list(r.roots, 'roots');
  for (let i = 0; i < roots.length; i++) w.sp().astring(roots[i], `roots[${i}]`);
}
