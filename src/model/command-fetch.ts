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

/**
 * `"ALL"` / `"FAST"` / `"FULL"` macros.
 *
 * @example
 * ```ts
 * const items: FetchMacro = 'FAST';
 * ```
 */
export type FetchMacro = 'ALL' | 'FAST' | 'FULL';

/**
 * Items that are a bare keyword (`BODY` alone is the non-extensible BODYSTRUCTURE).
 *
 * @example
 * ```ts
 * const item: FetchItem = { item: 'BODYSTRUCTURE' };
 * ```
 */
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
 *
 * @example
 * ```ts
 * const s: FetchSection = { part: [1], text: 'HEADER.FIELDS', fields: ['From'] }; // [1.HEADER.FIELDS (From)]
 * ```
 */
export interface FetchSection {
  part?: number[];
  text?: SectionText;
  fields?: string[];
}

/**
 * `"<" number "." nz-number ">"`: `count` octets from `origin`.
 *
 * @example
 * ```ts
 * const p: FetchPartial = { origin: 0, count: 1024 }; // <0.1024>
 * ```
 */
export interface FetchPartial {
  origin: number;
  count: number;
}

/**
 * One FETCH item.
 *
 * @example
 * ```ts
 * const item: FetchItem = { item: 'BINARY[]', peek: true, part: [2] }; // BINARY.PEEK[2]
 * ```
 */
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

/**
 * The FETCH items without section or argument, for the encoder and the command reader.
 *
 * @example
 * ```ts
 * FETCH_SIMPLE_ITEMS.includes('BODYSTRUCTURE'); // true
 * ```
 */
export const FETCH_SIMPLE_ITEMS: readonly FetchSimpleItemName[] = [
  'UID',
  'FLAGS',
  'ENVELOPE',
  'INTERNALDATE',
  'RFC822.SIZE',
  'RFC822',
  'RFC822.HEADER',
  'RFC822.TEXT',
  'BODY',
  'BODYSTRUCTURE',
  'MODSEQ',
  'EMAILID',
  'THREADID',
  'SAVEDATE',
  'X-GM-MSGID',
  'X-GM-THRID',
  'X-GM-LABELS',
];
