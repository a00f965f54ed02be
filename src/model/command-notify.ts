/**
 * NOTIFY as typed values (RFC 5465 §3.1, §8).
 *
 * @example
 * ```ts
 * const groups: NotifyGroup[] = [
 *   { filter: 'selected', events: [{ event: 'MessageNew', fetch: [{ item: 'UID' }] }, 'MessageExpunge'] },
 *   { filter: 'subtree', mailboxes: ['Lists'], events: ['MessageNew', 'MessageExpunge'] },
 * ]; // NOTIFY SET (selected (MessageNew (UID) MessageExpunge)) (subtree Lists (MessageNew MessageExpunge))
 * ```
 */
import type { MailboxName } from './command.ts';
import type { FetchItem } from './command-fetch.ts';

/**
 * Events without parameters (`message-event`, `mailbox-event`, `user-event`).
 *
 * @example
 * ```ts
 * const e: NotifyEventName = 'FlagChange';
 * ```
 */
export type NotifyEventName =
  | 'MessageNew'
  | 'MessageExpunge'
  | 'FlagChange'
  | 'AnnotationChange'
  | 'MailboxName'
  | 'SubscriptionChange'
  | 'MailboxMetadataChange'
  | 'ServerMetadataChange';

/**
 * One event: a name, or `MessageNew` with the FETCH attributes to send with each new message.
 *
 * @example
 * ```ts
 * const e: NotifyEvent = { event: 'MessageNew', fetch: [{ item: 'UID' }] };
 * ```
 */
export type NotifyEvent = NotifyEventName | { event: 'MessageNew'; fetch: FetchItem[] };

/**
 * `filter-mailboxes`: which mailboxes an event group covers.
 *
 * @example
 * ```ts
 * const f: NotifyFilter = { filter: 'subtree', mailboxes: ['Lists'] };
 * ```
 */
export type NotifyFilter =
  | { filter: 'selected' | 'selected-delayed' | 'inboxes' | 'personal' | 'subscribed' }
  /** `subtree` / `mailboxes` with `one-or-more-mailbox` */
  | { filter: 'subtree' | 'mailboxes'; mailboxes: MailboxName[] };

/**
 * `event-group = "(" filter-mailboxes SP events ")"`; `events: null` is `NONE`.
 *
 * @example
 * ```ts
 * const g: NotifyGroup = { filter: 'personal', events: null }; // (personal NONE)
 * ```
 */
export type NotifyGroup = NotifyFilter & { events: NotifyEvent[] | null };

/**
 * RFC 5465 filters, longest first (`selected-delayed` before `selected`, for readers that match
 * by prefix); one list for the encoder and the command reader.
 *
 * @example
 * ```ts
 * NOTIFY_FILTERS.includes('personal'); // true
 * ```
 */
export const NOTIFY_FILTERS = [
  'selected-delayed',
  'selected',
  'inboxes',
  'personal',
  'subscribed',
  'subtree',
  'mailboxes',
] as const;

/** RFC 5465 events (see {@link NOTIFY_FILTERS}). */
export const NOTIFY_EVENTS: readonly NotifyEventName[] = [
  'MessageNew',
  'MessageExpunge',
  'FlagChange',
  'AnnotationChange',
  'MailboxName',
  'SubscriptionChange',
  'MailboxMetadataChange',
  'ServerMetadataChange',
];
