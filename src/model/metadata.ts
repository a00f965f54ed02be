/** RFC 5464 METADATA. */

/** One entry; `value` is absent in the unsolicited form (`entry-list`: names only). */
export interface MetadataEntry {
  /** The entry name, e.g. `/private/comment`. */
  entry: string;
  /** `nstring / literal8`: a view valid as long as its chunk is not modified; `null` for NIL. */
  value?: Uint8Array | null;
}

/**
 * `"METADATA" SP mailbox SP (entry-values / entry-list)`; the mailbox `""` is the server.
 *
 * @example
 * ```ts
 * // * METADATA "" (/shared/comment NIL) → { kind: 'metadata', mailbox: '', …, entries: [{ entry: '/shared/comment', value: null }] }
 * ```
 */
export interface MetadataResponse {
  type: 'untagged';
  kind: 'metadata';
  mailbox: string;
  mailboxRaw: Uint8Array;
  entries: MetadataEntry[];
}
