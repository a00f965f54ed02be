/**
 * What the mailbox tracker reports (session/mailbox-tracker.ts): a discriminated union on
 * `type`, plain data like the response model. They live beside the tracker, not in model/,
 * because no parser or encoder produces them: they are the session's reading of responses.
 *
 * The rule that keeps the log exact: a message is visible from its `new` event to its `expunge`
 * event. A message whose UID the client never learnt (announced by EXISTS, gone before a FETCH
 * told its UID) produces neither. A sync reports every change made while the client was away once
 * (RFC 7162 §3.2.5 QRESYNC, §3.1 CONDSTORE, or a full UID/FLAGS comparison), none twice.
 */
import type { ListResponse } from '../model/list.ts';
import type { StatusAttributes } from '../model/status.ts';

/**
 * A message the client had not seen, now that its UID is known (RFC 9051 §7.3.1 EXISTS, then the
 * FETCH of its UID), or one found by a sync. `flags` and `modseq` when the same FETCH held them.
 *
 * @example
 * ```ts
 * // * 5 EXISTS, then * 5 FETCH (UID 42 FLAGS (\Recent))
 * // { type: 'new', uid: 42, seq: 5, flags: ['\\Recent'] }
 * ```
 */
export interface NewMessageEvent {
  type: 'new';
  uid: number;
  /** Its sequence number when reported. */
  seq: number;
  flags?: readonly string[];
  modseq?: bigint;
}

/**
 * A message expunged (RFC 9051 §7.4.1 EXPUNGE, RFC 7162 §3.2.10 VANISHED), or found gone by a
 * sync. `seq` is its sequence number just before it went, absent when a sync found it gone (the
 * numbering of the earlier connection means nothing now). Apply a response's expunges in order:
 * each `seq` counts the ones before it as gone already.
 *
 * @example
 * ```ts
 * // * 3 EXPUNGE → { type: 'expunge', uid: 17, seq: 3 }
 * ```
 */
export interface ExpungeEvent {
  type: 'expunge';
  uid: number;
  seq?: number;
}

/**
 * A message's flags changed (RFC 9051 §7.5.2 FETCH FLAGS; RFC 7162 §3.1.4 MODSEQ with them).
 * `flags` is the whole new set, sorted; a FETCH that repeats the known flags reports nothing.
 *
 * @example
 * ```ts
 * // * 2 FETCH (UID 9 FLAGS (\Seen) MODSEQ (12))
 * // { type: 'flags', uid: 9, seq: 2, flags: ['\\Seen'], modseq: 12n }
 * ```
 */
export interface FlagsEvent {
  type: 'flags';
  uid: number;
  seq: number;
  flags: readonly string[];
  modseq?: bigint;
}

/**
 * The UIDVALIDITY changed (RFC 9051 §2.3.1.1): every UID known before means nothing now. The
 * tracker has dropped its messages; the sync that follows fills them in quietly (no `new`
 * events) and ends with `synced` `initial: true`.
 *
 * @example
 * ```ts
 * // * OK [UIDVALIDITY 7] after 3 → { type: 'reset', uidValidity: 7, previous: 3 }
 * ```
 */
export interface ResetEvent {
  type: 'reset';
  uidValidity: number;
  previous: number;
}

/**
 * A sync ended (`MailboxTracker.endSync`): the tracker's state is the server's, as of the
 * sync's responses. `initial` for a first sync (or one after a reset), which reports no `new`
 * events: its messages are read from the tracker.
 *
 * @example
 * ```ts
 * // { type: 'synced', initial: false, exists: 1204 }
 * ```
 */
export interface SyncedEvent {
  type: 'synced';
  initial: boolean;
  exists: number;
}

/**
 * Another mailbox's news under NOTIFY (RFC 5465 §5.3 MessageNew / MessageExpunge … as STATUS,
 * §5.4 MailboxName as LIST): an unsolicited STATUS (`status`), a LIST with OLDNAME after a
 * rename (`renamed`, RFC 9051 §7.3.1), a LIST with `\NonExistent` (`deleted`), any other LIST
 * (`created`: RFC 5465 also sends one for a subscription change, §5.5, or new attributes; read
 * `list.flags` when that matters).
 *
 * @example
 * ```ts
 * // * LIST () "/" "Archive/2024" ("OLDNAME" ("Old/2024"))
 * // { type: 'mailbox', change: 'renamed', mailbox: 'Archive/2024', oldName: 'Old/2024', list }
 * ```
 */
export type MailboxChangeEvent =
  | { type: 'mailbox'; change: 'status'; mailbox: string; status: StatusAttributes }
  | { type: 'mailbox'; change: 'created' | 'deleted'; mailbox: string; list: ListResponse }
  | { type: 'mailbox'; change: 'renamed'; mailbox: string; oldName: string; list: ListResponse };

/**
 * The server said something that contradicts the tracker's state (an EXPUNGE or FETCH past the
 * last message, an EXISTS that shrinks, a FETCH whose UID differs from the one known at its
 * sequence number, UIDs out of order). The tracker keeps going as best it can; the state is no
 * longer trustworthy, so a session should resynchronise (a full comparison).
 *
 * @example
 * ```ts
 * // * 9 EXPUNGE in a mailbox of 4 → { type: 'inconsistent', reason: 'EXPUNGE 9 past the last message (4)' }
 * ```
 */
export interface InconsistentEvent {
  type: 'inconsistent';
  reason: string;
}

/**
 * Anything the tracker reports.
 *
 * @example
 * ```ts
 * for (const e of tracker.takeEvents()) {
 *   if (e.type === 'new') notify(e.uid);
 *   else if (e.type === 'reset') dropCache();
 * }
 * ```
 */
export type MailboxEvent =
  | NewMessageEvent
  | ExpungeEvent
  | FlagsEvent
  | ResetEvent
  | SyncedEvent
  | MailboxChangeEvent
  | InconsistentEvent;
