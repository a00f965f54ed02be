/** RFC 4314 ACL, LISTRIGHTS, MYRIGHTS. */

/** One `identifier SP rights` pair; an identifier starting with "-" holds negative rights. */
export interface AclEntry {
  identifier: string;
  rights: string;
}

/**
 * `"ACL" SP mailbox *(SP identifier SP rights)`
 *
 * @example
 * ```ts
 * // * ACL INBOX alice lrswipkxtecda → { kind: 'acl', mailbox: 'INBOX', …, entries: [{ identifier: 'alice', rights: 'lrswipkxtecda' }] }
 * ```
 */
export interface AclResponse {
  type: 'untagged';
  kind: 'acl';
  mailbox: string;
  mailboxRaw: Uint8Array;
  entries: AclEntry[];
}

/** `"LISTRIGHTS" SP mailbox SP identifier SP rights *(SP rights)`: the rights always granted, then the grantable groups. */
export interface ListRightsResponse {
  type: 'untagged';
  kind: 'listrights';
  mailbox: string;
  mailboxRaw: Uint8Array;
  identifier: string;
  required: string;
  optional: string[];
}

/** `"MYRIGHTS" SP mailbox SP rights` */
export interface MyRightsResponse {
  type: 'untagged';
  kind: 'myrights';
  mailbox: string;
  mailboxRaw: Uint8Array;
  rights: string;
}
