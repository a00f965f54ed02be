/**
 * NOTIFY (RFC 5465 §3.1, §8).
 *
 * ```abnf
 * notify              = "NOTIFY" SP (notify-set / notify-none)
 * notify-set          = "SET" [status-indicator] SP event-groups
 * notify-none         = "NONE"
 * status-indicator    = SP "STATUS"
 * event-groups        = event-group *(SP event-group)
 * event-group         = "(" filter-mailboxes SP events ")"
 * filter-mailboxes    = filter-mailboxes-selected / filter-mailboxes-other
 * filter-mailboxes-other    = "inboxes" / "personal" / "subscribed"
 *                           / ("subtree" SP one-or-more-mailbox) / ("mailboxes" SP one-or-more-mailbox)
 * filter-mailboxes-selected = "selected" / "selected-delayed"
 * one-or-more-mailbox = mailbox / many-mailboxes
 * many-mailboxes      = "(" mailbox *(SP mailbox) ")"
 * events              = ("(" event *(SP event) ")") / "NONE"
 * message-event       = ("MessageNew" [SP "(" fetch-att *(SP fetch-att) ")"]) / "MessageExpunge"
 *                     / "FlagChange" / "AnnotationChange"
 * mailbox-event       = "MailboxName" / "SubscriptionChange" / "MailboxMetadataChange"
 * user-event          = "ServerMetadataChange"
 * ```
 * Keywords are written in the ABNF's own case (`selected`, `MessageNew`); they are
 * case-insensitive. The rules the ABNF comments add are the server's to enforce (BAD), except
 * what the grammar itself needs: a fetch list only for `selected` / `selected-delayed`.
 */
import { NOTIFY_EVENTS, NOTIFY_FILTERS } from '../../model/command-notify.ts';
import { eachItem, expectArray, expectObject, oneOf, optionalBoolean } from '../check.ts';
import { ImapEncodeError } from '../errors.ts';
import { writeFetchItemList } from '../fetch.ts';
import { writeMailbox } from '../mailbox.ts';
import type { Writer } from '../writer.ts';

const FILTERS = NOTIFY_FILTERS;
const EVENTS = NOTIFY_EVENTS;

function writeEvent(w: Writer, v: unknown, field: string, selected: boolean): void {
  if (typeof v === 'string') {
    w.raw(oneOf(v, field, EVENTS));
    return;
  }
  const e = expectObject(v, field);
  if (e['event'] !== 'MessageNew') {
    throw new ImapEncodeError('INVALID_ARGUMENT', `${field}.event`, 'only MessageNew takes fetch attributes');
  }
  if (!selected) {
    throw new ImapEncodeError(
      'INVALID_ARGUMENT',
      `${field}.fetch`,
      'fetch attributes only for selected / selected-delayed',
    );
  }
  w.raw('MessageNew ');
  writeFetchItemList(w, e['fetch'], `${field}.fetch`);
}

/** `NOTIFY SET [STATUS] (group) …` or `NOTIFY NONE` */
export function writeNotify(w: Writer, c: Record<string, unknown>): void {
  if (c['groups'] === null) {
    if (c['status'] !== undefined)
      throw new ImapEncodeError('INVALID_ARGUMENT', 'status', 'NOTIFY NONE takes no STATUS');
    w.raw('NOTIFY NONE');
    return;
  }
  w.raw(optionalBoolean(c['status'], 'status') ? 'NOTIFY SET STATUS' : 'NOTIFY SET');
  eachItem(expectArray(c['groups'], 'groups', true), (g, i) => {
    const f = `groups[${i}]`;
    const o = expectObject(g, f);
    const filter = oneOf(o['filter'], `${f}.filter`, FILTERS);
    w.raw(` (${filter}`);
    if (filter === 'subtree' || filter === 'mailboxes') {
      const list = expectArray(o['mailboxes'], `${f}.mailboxes`, true);
      w.sp();
      if (list.length > 1) w.raw('(');
      eachItem(list, (m, k) => {
        if (k > 0) w.sp();
        writeMailbox(w, m, `${f}.mailboxes[${k}]`);
      });
      if (list.length > 1) w.raw(')');
    } else if (o['mailboxes'] !== undefined) {
      throw new ImapEncodeError('INVALID_ARGUMENT', `${f}.mailboxes`, `${filter} takes no mailboxes`);
    }
    w.sp();
    if (o['events'] === null) w.raw('NONE');
    else {
      const selected = filter === 'selected' || filter === 'selected-delayed';
      w.raw('(');
      eachItem(expectArray(o['events'], `${f}.events`, true), (e, k) => {
        if (k > 0) w.sp();
        writeEvent(w, e, `${f}.events[${k}]`, selected);
      });
      w.raw(')');
    }
    w.raw(')');
  });
}
