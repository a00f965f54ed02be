/**
 * Server responses (RFC 9051 §7, §9 `response`): what the decoder yields.
 *
 * Every value is plain data (JSON-able but for `Uint8Array`, `bigint` and `Date`), so the
 * `imap-wire decode` output is this model itself.
 */
import type { AclResponse, ListRightsResponse, MyRightsResponse } from './acl.ts';
import type { FetchAttributes } from './fetch.ts';
import type { ComparatorResponse, LanguageResponse } from './i18n.ts';
import type { IdResponse } from './id.ts';
import type { ListResponse, LsubResponse, XlistResponse } from './list.ts';
import type { MetadataResponse } from './metadata.ts';
import type { NamespaceResponse } from './namespace.ts';
import type { QuotaResponse, QuotaRootResponse } from './quota.ts';
import type { ResponseCode } from './resp-code.ts';
import type { EsearchResponse, SortResponse, ThreadResponse } from './search.ts';
import type { StatusResponse } from './status.ts';
import type { VanishedResponse } from './vanished.ts';

/** `resp-cond-state` status. */
export type Status = 'OK' | 'NO' | 'BAD';

/** `response-tagged = tag SP resp-cond-state CRLF` */
export interface TaggedResponse {
  type: 'tagged';
  tag: string;
  status: Status;
  code?: ResponseCode;
  text: string;
}

/**
 * `continue-req = "+" SP (resp-text / base64) CRLF`
 *
 * Whether the text is meant as base64 only the conversation knows (AUTHENTICATE); `base64`
 * holds the decoded bytes when the text is syntactically base64 (RFC 4648 alphabet, padded).
 */
export interface ContinuationRequest {
  type: 'continuation';
  code?: ResponseCode;
  text: string;
  base64?: Uint8Array;
}

/** `* OK|NO|BAD|BYE|PREAUTH [code] text` (RFC 9051 `resp-cond-state`, `resp-cond-bye`, greeting). */
export interface StatusUntagged {
  type: 'untagged';
  kind: 'ok' | 'no' | 'bad' | 'bye' | 'preauth';
  code?: ResponseCode;
  text: string;
}

/** `capability-data = "CAPABILITY" *(SP capability)`, names as sent. */
export interface CapabilityResponse {
  type: 'untagged';
  kind: 'capability';
  capabilities: string[];
}

/** RFC 5161 `enable-data = "ENABLED" *(SP capability)` */
export interface EnabledResponse {
  type: 'untagged';
  kind: 'enabled';
  capabilities: string[];
}

/** `"FLAGS" SP flag-list` */
export interface FlagsResponse {
  type: 'untagged';
  kind: 'flags';
  flags: string[];
}

/** `number SP "EXISTS"` */
export interface ExistsResponse {
  type: 'untagged';
  kind: 'exists';
  count: number;
}

/** `number SP "RECENT"` (RFC 3501; gone from RFC 9051, still sent) */
export interface RecentResponse {
  type: 'untagged';
  kind: 'recent';
  count: number;
}

/** `nz-number SP "EXPUNGE"` */
export interface ExpungeResponse {
  type: 'untagged';
  kind: 'expunge';
  seq: number;
}

/** `"SEARCH" *(SP nz-number) [SP search-sort-mod-seq]` (RFC 3501, RFC 7162 §3.1.5) */
export interface SearchResponse {
  type: 'untagged';
  kind: 'search';
  ids: number[];
  modseq?: bigint;
}

/** `nz-number SP "FETCH" SP msg-att` */
export interface FetchResponse {
  type: 'untagged';
  kind: 'fetch';
  seq: number;
  attributes: FetchAttributes;
}

/** An untagged response this parser has no grammar for, kept whole. */
export interface UnknownUntagged {
  type: 'untagged';
  kind: 'unknown';
  /** The response name as sent (`XFOO`, `X-GM-EXT`). */
  name: string;
  /** The number before the name, for `* 5 XFOO …`. */
  number?: number;
  /** The exact bytes after the name and its SP, up to (without) the CRLF, literals included. */
  raw: Uint8Array;
}

/** Any untagged response. */
export type UntaggedResponse =
  | StatusUntagged
  | CapabilityResponse
  | EnabledResponse
  | FlagsResponse
  | ExistsResponse
  | RecentResponse
  | ExpungeResponse
  | SearchResponse
  | FetchResponse
  // Extensions (parser/ext/)
  | StatusResponse
  | ListResponse
  | LsubResponse
  | XlistResponse
  | NamespaceResponse
  | EsearchResponse
  | SortResponse
  | ThreadResponse
  | VanishedResponse
  | IdResponse
  | QuotaResponse
  | QuotaRootResponse
  | MetadataResponse
  | AclResponse
  | ListRightsResponse
  | MyRightsResponse
  | LanguageResponse
  | ComparatorResponse
  | UnknownUntagged;

/** Any server response. */
export type Response = TaggedResponse | UntaggedResponse | ContinuationRequest;
