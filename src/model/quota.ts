/** QUOTA data (RFC 9208, obsoleting RFC 2087). */

/** `quota-resource = resource-name SP resource-usage SP resource-limit` */
export interface QuotaResource {
  /** `STORAGE` (units of 1024 octets), `MESSAGE`, `MAILBOX`, `ANNOTATION-STORAGE` or another atom, as sent. */
  name: string;
  usage: number;
  limit: number;
}

/**
 * `"QUOTA" SP quota-root-name SP quota-list`.
 *
 * @example
 * ```ts
 * // * QUOTA "" (STORAGE 10 512) → { kind: 'quota', root: '', resources: [{ name: 'STORAGE', usage: 10, limit: 512 }] }
 * ```
 */
export interface QuotaResponse {
  type: 'untagged';
  kind: 'quota';
  root: string;
  resources: QuotaResource[];
}

/** `"QUOTAROOT" SP mailbox *(SP quota-root-name)` */
export interface QuotaRootResponse {
  type: 'untagged';
  kind: 'quotaroot';
  mailbox: string;
  mailboxRaw: Uint8Array;
  roots: string[];
}
