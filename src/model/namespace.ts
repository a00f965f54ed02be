/** NAMESPACE data (RFC 2342, RFC 9051 §7.3.5), with RFC 5255 / RFC 4466 extensions. */

/** `namespace-response-extension = SP string SP "(" string *(SP string) ")"` */
export interface NamespaceExtension {
  name: string;
  values: string[];
}

/** `namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil) [namespace-response-extensions] ")"` */
export interface NamespaceDescription {
  /** The prefix decoded (modified UTF-7, else UTF-8), e.g. `''`, `'Shared/'`, `'INBOX.'`. */
  prefix: string;
  /** The prefix's bytes as sent. */
  prefixRaw: Uint8Array;
  /** The hierarchy delimiter, or `null` (NIL). */
  delimiter: string | null;
  extensions?: NamespaceExtension[];
}

/**
 * `"NAMESPACE" SP namespace SP namespace SP namespace`: personal, other users', shared; each
 * `null` when the server sent NIL.
 *
 * @example
 * ```ts
 * // * NAMESPACE (("" "/")) NIL (("Public/" "/"))
 * // { kind: 'namespace', personal: [{ prefix: '', prefixRaw: bytes(''), delimiter: '/' }],
 * //   otherUsers: null, shared: [{ prefix: 'Public/', … }] }
 * ```
 */
export interface NamespaceResponse {
  type: 'untagged';
  kind: 'namespace';
  personal: NamespaceDescription[] | null;
  otherUsers: NamespaceDescription[] | null;
  shared: NamespaceDescription[] | null;
}
