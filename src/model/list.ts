/**
 * LIST / LSUB data (RFC 9051 §7.3.1, RFC 3501 §7.2.2–3, RFC 5258 LIST-EXTENDED, RFC 6154
 * SPECIAL-USE, RFC 5465 OLDNAME, RFC 8457 \Important) and Gmail's legacy XLIST.
 */
import type { ExtValue } from './tagged-ext.ts';

/** RFC 6154 special-use attributes (and RFC 8457 `\Important`), spelled as the RFCs do. */
export type SpecialUse =
  | '\\All'
  | '\\Archive'
  | '\\Drafts'
  | '\\Flagged'
  | '\\Junk'
  | '\\Sent'
  | '\\Trash'
  | '\\Important';

/** An `mbox-list-extended-item` this parser has no type for: its tag and value tree. */
export interface ListExtendedItem {
  tag: string;
  value: ExtValue;
}

/**
 * The data of `mailbox-list`, shared by LIST, LSUB and XLIST.
 *
 * ```abnf
 * mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
 *                [SP mbox-list-extended]
 * ```
 */
export interface MailboxList {
  /** Name attributes as sent (`\HasNoChildren`, `\Noselect`, `\Sent` …). */
  flags: string[];
  /** The special-use attributes among `flags`, in the RFCs' spelling; absent when there are none. */
  specialUse?: SpecialUse[];
  /** The hierarchy delimiter, or `null` (NIL: a flat name space). */
  delimiter: string | null;
  /** The name decoded (modified UTF-7, else UTF-8); every case of `INBOX` is `'INBOX'`. */
  mailbox: string;
  /** The name's bytes as sent, quoting removed. */
  mailboxRaw: Uint8Array;
  /** RFC 5465 / RFC 9051 `"OLDNAME" SP "(" mailbox ")"`: the name before a RENAME. */
  oldName?: string;
  oldNameRaw?: Uint8Array;
  /** RFC 5258 `"CHILDINFO" SP "(" list-select-base-opt-quoted *(…) ")"`, e.g. `['SUBSCRIBED']`. */
  childInfo?: string[];
  /** The other extended items, in the order sent. */
  extended?: ListExtendedItem[];
}

/**
 * `"LIST" SP mailbox-list`.
 *
 * @example
 * ```ts
 * // * LIST () "/" "New" ("OLDNAME" ("Old"))
 * // { type: 'untagged', kind: 'list', flags: [], delimiter: '/', mailbox: 'New',
 * //   mailboxRaw: bytes('New'), oldName: 'Old', oldNameRaw: bytes('Old') }
 * ```
 */
export interface ListResponse extends MailboxList {
  type: 'untagged';
  kind: 'list';
}

/** `"LSUB" SP mailbox-list` (RFC 3501; LIST (SUBSCRIBED) in RFC 9051). */
export interface LsubResponse extends MailboxList {
  type: 'untagged';
  kind: 'lsub';
}

/** Gmail's legacy `"XLIST" SP mailbox-list`, before SPECIAL-USE. */
export interface XlistResponse extends MailboxList {
  type: 'untagged';
  kind: 'xlist';
}
