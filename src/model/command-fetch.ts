/**
 * FETCH items as typed values (RFC 9051 §6.4.5, RFC 3516 BINARY, RFC 7162 MODSEQ, RFC 8474
 * OBJECTID, RFC 8970 PREVIEW, RFC 8514 SAVEDATE, Gmail X-GM-*).
 *
 * @example
 * ```ts
 * const items: FetchItem[] = [
 *   { item: 'UID' },
 *   { item: 'BODY[]', peek: true, section: { part: [1, 2] }, partial: { origin: 0, count: 1024 } },
 * ]; // (UID BODY.PEEK[1.2]<0.1024>)
 * ```
 */
import type { SectionText } from './fetch.ts';

/** `"ALL"` / `"FAST"` / `"FULL"` macros. */
export type FetchMacro = 'ALL' | 'FAST' | 'FULL';

/** Items that are a bare keyword (`BODY` alone is the non-extensible BODYSTRUCTURE). */
export type FetchSimpleItemName =
  | 'UID'
  | 'FLAGS'
  | 'ENVELOPE'
  | 'INTERNALDATE'
  | 'RFC822.SIZE'
  | 'RFC822'
  | 'RFC822.HEADER'
  | 'RFC822.TEXT'
  | 'BODY'
  | 'BODYSTRUCTURE'
  | 'MODSEQ'
  | 'EMAILID'
  | 'THREADID'
  | 'SAVEDATE'
  | 'X-GM-MSGID'
  | 'X-GM-THRID'
  | 'X-GM-LABELS';

/**
 * A section specifier (`section-spec`): part numbers, then an optional text specifier; header
 * field names for `HEADER.FIELDS[.NOT]`. Mirrors the response model's `BodySection` fields.
 */
export interface FetchSection {
  part?: number[];
  text?: SectionText;
  fields?: string[];
}

/** `"<" number "." nz-number ">"`: `count` octets from `origin`. */
export interface FetchPartial {
  origin: number;
  count: number;
}

/** One FETCH item. */
export type FetchItem =
  | { item: FetchSimpleItemName }
  /** `BODY[section]<partial>` or, with `peek`, `BODY.PEEK[…]` */
  | { item: 'BODY[]'; section?: FetchSection; peek?: boolean; partial?: FetchPartial }
  /** RFC 3516: `BINARY[part]<partial>` / `BINARY.PEEK[…]` */
  | { item: 'BINARY[]'; part?: number[]; peek?: boolean; partial?: FetchPartial }
  /** RFC 3516: `BINARY.SIZE[part]` */
  | { item: 'BINARY.SIZE'; part?: number[] }
  /** RFC 8970: `PREVIEW` / `PREVIEW (LAZY)` */
  | { item: 'PREVIEW'; lazy?: boolean };
