/**
 * STATUS (RFC 9051 §6.3.11; RFC 7162 HIGHESTMODSEQ, RFC 7889 APPENDLIMIT, RFC 8474 MAILBOXID,
 * RFC 8438 SIZE), mirroring `parser/status.ts`.
 *
 * ```abnf
 * status     = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
 * status-att = "MESSAGES" / "UIDNEXT" / "UIDVALIDITY" / "UNSEEN" / "DELETED" / "SIZE"
 *            / "RECENT" / "HIGHESTMODSEQ" / "APPENDLIMIT" / "MAILBOXID"
 * ```
 */
import { STATUS_ITEMS } from '../model/command.ts';
import { eachItem, expectArray, oneOf } from './check.ts';
import { writeMailbox } from './mailbox.ts';
import type { Writer } from './writer.ts';

/** `"(" status-att *(SP status-att) ")"` (also LIST's `RETURN (STATUS (…))`, RFC 5819). */
export function writeStatusItems(w: Writer, v: unknown, field: string): void {
  w.raw('(');
  eachItem(expectArray(v, field, true), (item, i) => {
    if (i > 0) w.sp();
    w.raw(oneOf(item, `${field}[${i}]`, STATUS_ITEMS));
  });
  w.raw(')');
}

/** `STATUS mailbox (items)` */
export function writeStatus(w: Writer, c: Record<string, unknown>): void {
  w.raw('STATUS ');
  writeMailbox(w, c['mailbox'], 'mailbox');
  w.sp();
  writeStatusItems(w, c['items'], 'items');
}
