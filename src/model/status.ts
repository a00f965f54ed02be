/**
 * STATUS data (RFC 9051 §7.3.4 / RFC 3501 §7.2.4, RFC 8438 SIZE, RFC 7162 HIGHESTMODSEQ,
 * RFC 9208 DELETED-STORAGE, RFC 7889 APPENDLIMIT, RFC 8474 MAILBOXID).
 */

/** An item this parser has no grammar for: its name as sent and the exact wire bytes of its value. */
export interface UnknownStatusItem {
  name: string;
  raw: Uint8Array;
}

/** The items of one STATUS response; present fields are those the server sent. */
export interface StatusAttributes {
  /** `"MESSAGES" SP number` */
  messages?: number;
  /** `"RECENT" SP number` (RFC 3501; gone from RFC 9051) */
  recent?: number;
  /** `"UIDNEXT" SP nz-number` */
  uidNext?: number;
  /** `"UIDVALIDITY" SP nz-number` */
  uidValidity?: number;
  /** `"UNSEEN" SP number` */
  unseen?: number;
  /** `"DELETED" SP number` (RFC 9051) */
  deleted?: number;
  /** `"SIZE" SP number64` (RFC 8438, RFC 9051), in octets */
  size?: number;
  /** `"DELETED-STORAGE" SP number64` (RFC 9208), in units of 1024 octets */
  deletedStorage?: number;
  /** `"HIGHESTMODSEQ" SP mod-sequence-valzer` (RFC 7162) */
  highestModseq?: bigint;
  /** `"APPENDLIMIT" SP (number / nil)` (RFC 7889): `null` when the mailbox has no limit */
  appendLimit?: number | null;
  /** `"MAILBOXID" SP "(" objectid ")"` (RFC 8474) */
  mailboxId?: string;
  unknown?: UnknownStatusItem[];
}

/**
 * `"STATUS" SP mailbox SP "(" [status-att-list] ")"`, solicited or not (NOTIFY, LIST-STATUS).
 *
 * @example
 * ```ts
 * // * STATUS "Sent" (MESSAGES 5 UIDNEXT 9)
 * // { type: 'untagged', kind: 'status', mailbox: 'Sent', mailboxRaw: bytes('Sent'),
 * //   attributes: { messages: 5, uidNext: 9 } }
 * ```
 */
export interface StatusResponse {
  type: 'untagged';
  kind: 'status';
  /** The name decoded (modified UTF-7, else UTF-8); every case of `INBOX` is `'INBOX'`. */
  mailbox: string;
  /** The name's bytes as sent, quoting removed. */
  mailboxRaw: Uint8Array;
  attributes: StatusAttributes;
}
