/**
 * QUOTA: RFC 9208 (obsoletes RFC 2087).
 *
 * ```abnf
 * quota-response     = "QUOTA" SP quota-root-name SP quota-list
 * quota-list         = "(" quota-resource *(SP quota-resource) ")"
 *                      ; RFC 2087 wrote "(" #quota_resource ")": an empty list, still sent
 *                      ; for a root without limits, is accepted
 * quota-resource     = resource-name SP resource-usage SP resource-limit
 * resource-name      = "STORAGE" / "MESSAGE" / "MAILBOX" / "ANNOTATION-STORAGE" / resource-name-ext
 * resource-name-ext  = atom
 * resource-usage     = number64
 * resource-limit     = number64
 * quotaroot-response = "QUOTAROOT" SP mailbox *(SP quota-root-name)
 * quota-root-name    = astring
 * ```
 * Archiveopteryx 3.2 puts two SPs between the numbers (quirk `quotaExtraSpace`).
 */
import { ATOM_CHAR, Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { atomString, textString } from '../../lexer/strings.ts';
import type { QuotaResource, QuotaResponse, QuotaRootResponse } from '../../model/quota.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { mailboxName } from '../mailbox.ts';

function takeRootName(cur: Cursor): string {
  const v = cur.takeAString();
  return textString(v, 0, v.length);
}

/** One SP inside a quota-resource; more are quirk `quotaExtraSpace`. */
function resourceSp(cur: Cursor): void {
  cur.expectSp();
  if (cur.peek() === Ch.Space) {
    cur.quirk('quotaExtraSpace', cur.pos);
    while (cur.skipIf(Ch.Space));
  }
}

/** Reads the data after `* QUOTA`. */
export function takeQuota(cur: Cursor): QuotaResponse {
  cur.expectSp();
  const root = takeRootName(cur);
  const resources: QuotaResource[] = [];
  if (cur.isEol()) {
    // `* QUOTA ""` without a list: Courier-IMAP 5 answering GETQUOTA on the default root.
    cur.quirk('quotaWithoutResources', cur.pos);
    return { type: 'untagged', kind: 'quota', root, resources };
  }
  cur.expectSp();
  cur.enter();
  if (cur.peek() !== Ch.RParen) {
    do {
      cur.takeRun(ATOM_CHAR, 'a resource name (STORAGE, MESSAGE …)');
      const name = atomString(cur.buf, cur.tokStart, cur.tokEnd);
      resourceSp(cur);
      const usage = cur.takeSafeNumber();
      resourceSp(cur);
      resources.push({ name, usage, limit: cur.takeSafeNumber() });
    } while (cur.skipIf(Ch.Space));
  }
  cur.leave();
  return { type: 'untagged', kind: 'quota', root, resources };
}

/** Reads the data after `* QUOTAROOT`. */
export function takeQuotaRoot(cur: Cursor): QuotaRootResponse {
  cur.expectSp();
  const mailboxRaw = cur.takeAString();
  const roots: string[] = [];
  while (cur.skipIf(Ch.Space)) roots.push(takeRootName(cur));
  return { type: 'untagged', kind: 'quotaroot', mailbox: mailboxName(mailboxRaw), mailboxRaw, roots };
}

/** Plugs QUOTA and QUOTAROOT into the dispatch. */
export function registerQuota(registerUntagged: RegisterUntagged): void {
  registerUntagged('QUOTA', takeQuota);
  registerUntagged('QUOTAROOT', takeQuotaRoot);
}
