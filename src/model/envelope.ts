/**
 * ENVELOPE (RFC 9051 §7.5.2, §9 `envelope`): the parsed header fields of a message.
 *
 * Strings are decoded (RFC 2047 encoded words, raw UTF-8, 8-bit bytes); where decoding could
 * change what was sent, the raw bytes are kept beside the value (`subjectRaw`, `nameRaw`).
 */

/**
 * `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"`
 *
 * @example
 * ```ts
 * // ("Bob Martin" NIL "bob" "example.org") → { name: 'Bob Martin', adl: null, mailbox: 'bob', host: 'example.org' }
 * ```
 */
export interface Address {
  /** The display name, RFC 2047-decoded; `null` for NIL. */
  name: string | null;
  /** The name's bytes as sent, when decoding changed them (encoded words, 8-bit). */
  nameRaw?: Uint8Array;
  /** Source route (obsolete `adl`). */
  adl: string | null;
  mailbox: string | null;
  host: string | null;
}

/**
 * An RFC 5322 group (`undisclosed-recipients:;`): in the wire form a start marker
 * (`NIL NIL "name" NIL`), the members, and an end marker (`NIL NIL NIL NIL`).
 */
export interface AddressGroup {
  group: string;
  members: Address[];
}

/** An address list entry: a mailbox or a group. */
export type AddressEntry = Address | AddressGroup;

/**
 * ```abnf
 * envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP
 *            env-to SP env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
 * ```
 */
export interface Envelope {
  /** `env-date` parsed (RFC 5322 date-time), `null` when NIL or unparseable; `dateRaw` keeps it. */
  date: Date | null;
  dateRaw: string | null;
  /** `env-subject`, RFC 2047-decoded. */
  subject: string | null;
  /** The subject's bytes as sent, when decoding changed them. */
  subjectRaw?: Uint8Array;
  from: AddressEntry[] | null;
  sender: AddressEntry[] | null;
  replyTo: AddressEntry[] | null;
  to: AddressEntry[] | null;
  cc: AddressEntry[] | null;
  bcc: AddressEntry[] | null;
  inReplyTo: string | null;
  messageId: string | null;
}
