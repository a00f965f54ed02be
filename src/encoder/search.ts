/**
 * SEARCH (RFC 9051 §6.4.4; RFC 4731 ESEARCH, RFC 5182 SEARCHRES, RFC 5032 WITHIN, RFC 7162
 * MODSEQ, RFC 8474 OBJECTID, RFC 8514 SAVEDATE, Gmail X-GM-*), mirroring `parser/search.ts`.
 *
 * ```abnf
 * search             = "SEARCH" [search-return-opts] SP search-program
 * search-program     = ["CHARSET" SP charset SP] search-key *(SP search-key)
 * search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
 * search-return-opt  = "MIN" / "MAX" / "ALL" / "COUNT" / "SAVE"
 * charset            = atom / quoted
 * search-key         = "ALL" / "ANSWERED" / "BCC" SP astring / "BEFORE" SP date / "BODY" SP astring
 *                    / "CC" SP astring / "DELETED" / "FLAGGED" / "FROM" SP astring
 *                    / "KEYWORD" SP flag-keyword / "ON" SP date / "SEEN" / "SINCE" SP date
 *                    / "SUBJECT" SP astring / "TEXT" SP astring / "TO" SP astring / "UNANSWERED"
 *                    / "UNDELETED" / "UNFLAGGED" / "UNKEYWORD" SP flag-keyword / "UNSEEN" / "DRAFT"
 *                    / "HEADER" SP header-fld-name SP astring / "LARGER" SP number64
 *                    / "NOT" SP search-key / "OR" SP search-key SP search-key / "SENTBEFORE" SP date
 *                    / "SENTON" SP date / "SENTSINCE" SP date / "SMALLER" SP number64
 *                    / "UID" SP sequence-set / "UNDRAFT" / sequence-set / "(" search-key *(SP search-key) ")"
 * search-key         =/ "OLDER" SP nz-number / "YOUNGER" SP nz-number          ; RFC 5032
 * search-modsequence = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer     ; RFC 7162
 * search-modseq-ext  = SP entry-name SP entry-type-req
 * entry-name         = entry-flag-name
 * entry-flag-name    = DQUOTE "/flags/" attr-flag DQUOTE     ; always quoted
 * entry-type-req     = "priv" / "shared" / "all"
 * ```
 * String values are always quoted or literals, never atoms: that is how every RFC example
 * writes them (`FROM "Smith"`, `TEXT "gewp"`), and an atom gains nothing.
 */

import { Ch, OBJECTID_CHAR } from '../lexer/chars.ts';
import {
  SEARCH_DATE_KEYS,
  SEARCH_FLAG_KEYS,
  SEARCH_RETURN_OPTIONS,
  SEARCH_STRING_KEYS,
} from '../model/command-search.ts';
import { at, expectArray, expectObject, isObject, oneOf, optionalBoolean } from './check.ts';
import { formatSearchDate } from './date-time.ts';
import { ImapEncodeError } from './errors.ts';
import { isAtom } from './flags.ts';
import { writeSequenceSet } from './sequence-set.ts';
import { writeLabel } from './store.ts';
import { describe, QUOTED_MAX, valueBytes, type Writer } from './writer.ts';

/** Deepest NOT / OR / AND nesting written (a bound on recursion for hostile input). */
export const MAX_SEARCH_DEPTH = 100;

/** How each key with no argument, a string or a date is written (one lookup for all three). */
const FLAG = 1;
const STRING = 2;
const DATE = 3;
const SIMPLE_KEYS = new Map<string, number>([
  ...SEARCH_FLAG_KEYS.map((k) => [k, FLAG] as const),
  ...SEARCH_STRING_KEYS.map((k) => [k, STRING] as const),
  ...SEARCH_DATE_KEYS.map((k) => [k, DATE] as const),
]);

/** Writes one `search-key`. */
export function writeSearchKey(w: Writer, v: unknown, field: string, depth = 0): void {
  searchKey(w, v, field, -1, depth);
}

/** Writes the search key `field[i]` (`field` when `i` < 0; the path made only when needed). */
function searchKey(w: Writer, v: unknown, list: string, i: number, depth: number): void {
  if (depth > MAX_SEARCH_DEPTH) {
    throw new ImapEncodeError(
      'INVALID_ARGUMENT',
      at(list, i),
      `search keys nested deeper than ${MAX_SEARCH_DEPTH}`,
    );
  }
  const k = isObject(v) ? v : expectObject(v, at(list, i));
  const key = k['key'];
  if (typeof key !== 'string')
    throw new ImapEncodeError('INVALID_ARGUMENT', `${at(list, i)}.key`, 'expected a search key name');
  const simple = SIMPLE_KEYS.get(key);
  if (simple === FLAG) {
    w.raw(key);
  } else if (simple === STRING) {
    const value = k['value'];
    w.raw(key).sp();
    if (typeof value !== 'string' || !w.asciiString(value, null)) w.string(value, `${at(list, i)}.value`);
  } else if (simple === DATE) {
    w.raw(key)
      .sp()
      .raw(formatSearchDate(k['date'], `${at(list, i)}.date`));
  } else {
    const field = at(list, i);
    switch (key) {
      case 'KEYWORD':
      case 'UNKEYWORD': {
        const flag = k['flag'];
        if (typeof flag !== 'string' || !isAtom(flag)) {
          throw new ImapEncodeError(
            'INVALID_FLAG',
            `${field}.flag`,
            `a keyword is an atom, got ${describe(flag)}`,
          );
        }
        w.raw(key).sp().raw(flag);
        break;
      }
      case 'HEADER':
        w.raw('HEADER ').astring(k['field'], `${field}.field`).sp().string(k['value'], `${field}.value`);
        break;
      case 'LARGER':
      case 'SMALLER':
        w.raw(key).sp().number64(k['size'], `${field}.size`);
        break;
      case 'OLDER':
      case 'YOUNGER':
        w.raw(key).sp().number(k['seconds'], `${field}.seconds`, true);
        break;
      case 'UID':
        w.raw('UID ');
        writeSequenceSet(w, k['set'], `${field}.set`);
        break;
      case 'SEQUENCE-SET':
        writeSequenceSet(w, k['set'], `${field}.set`);
        break;
      case 'NOT':
        w.raw('NOT ');
        writeSearchKey(w, k['operand'], `${field}.operand`, depth + 1);
        break;
      case 'OR':
        w.raw('OR ');
        writeSearchKey(w, k['left'], `${field}.left`, depth + 1);
        w.sp();
        writeSearchKey(w, k['right'], `${field}.right`, depth + 1);
        break;
      case 'AND':
        w.raw('(');
        writeSearchKeys(w, k['operands'], `${field}.operands`, depth + 1);
        w.raw(')');
        break;
      case 'MODSEQ': {
        w.raw('MODSEQ ');
        if (k['entry'] !== undefined) {
          const e = expectObject(k['entry'], `${field}.entry`);
          w.quoted(e['name'], `${field}.entry.name`)
            .sp()
            .raw(oneOf(e['type'], `${field}.entry.type`, ['priv', 'shared', 'all']))
            .sp();
        }
        w.number64(k['modseq'], `${field}.modseq`);
        break;
      }
      case 'X-GM-MSGID':
      case 'X-GM-THRID':
        w.raw(key).sp().number64(k['id'], `${field}.id`);
        break;
      case 'X-GM-LABELS':
        w.raw('X-GM-LABELS ');
        writeLabel(w, k['label'], `${field}.label`);
        break;
      case 'EMAILID':
      case 'THREADID': {
        const id = k['id'];
        if (typeof id === 'string' && id.length > 255) {
          throw new ImapEncodeError('INVALID_ATOM', `${field}.id`, 'an objectid has at most 255 characters');
        }
        w.raw(key).sp().atom(id, `${field}.id`, OBJECTID_CHAR, 'an objectid (ALPHA / DIGIT / "_" / "-")');
        break;
      }
      default:
        throw new ImapEncodeError('INVALID_ARGUMENT', `${field}.key`, `no search key ${JSON.stringify(key)}`);
    }
  }
}

/** Writes `search-key *(SP search-key)` (at least one key). */
export function writeSearchKeys(w: Writer, v: unknown, field: string, depth = 0): void {
  const list = expectArray(v, field, true);
  for (let i = 0; i < list.length; i++) {
    if (i > 0) w.sp();
    searchKey(w, list[i], field, i, depth);
  }
}

/** True when a search string given as text (not bytes) holds non-ASCII characters. */
export function hasNonAscii(v: unknown, depth = 0): boolean {
  if (depth > MAX_SEARCH_DEPTH + 2 || v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (hasNonAscii(v[i], depth + 1)) return true;
    return false;
  }
  const k = v as Record<string, unknown>;
  // Labels are encoded like mailbox names (7-bit): only values and header names count.
  const value = k['value'];
  if (typeof value === 'string' && !isAscii(value)) return true;
  const field = k['field'];
  if (typeof field === 'string' && !isAscii(field)) return true;
  return (
    hasNonAscii(k['operand'], depth + 1) ||
    hasNonAscii(k['left'], depth + 1) ||
    hasNonAscii(k['right'], depth + 1) ||
    hasNonAscii(k['operands'], depth + 1)
  );
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * `charset = atom / quoted`: printable ASCII only, and never a literal (RFC 3501 §9, RFC 9051
 * §9), so one that needs quoting and is longer than {@link QUOTED_MAX}, which `string` would
 * send as a literal, is refused here (CommandReader, like a server, rejects such a command).
 */
export function writeCharset(w: Writer, v: unknown, field: string): void {
  if (typeof v === 'string' && v.length > 0 && isAtom(v)) {
    w.raw(v);
    return;
  }
  if (typeof v !== 'string' || v.length === 0 || !/^[\x20-\x7e]+$/.test(v)) {
    throw new ImapEncodeError('INVALID_ATOM', field, `a charset name is printable ASCII, got ${describe(v)}`);
  }
  if (v.length > QUOTED_MAX) {
    throw new ImapEncodeError(
      'INVALID_ATOM',
      field,
      `a charset is an atom or a quoted string, never a literal: one that needs quoting is at most ${QUOTED_MAX} bytes, got ${v.length}`,
    );
  }
  w.string(valueBytes(v, field), field);
}

/** `RETURN (options)` for SEARCH and SORT (preceded by SP). */
export function writeSearchReturn(w: Writer, v: unknown, field: string): void {
  const list = expectArray(v, field);
  w.raw(' RETURN (');
  for (let i = 0; i < list.length; i++) {
    const o = list[i];
    if (i > 0) w.sp();
    w.raw(
      typeof o === 'string' && (SEARCH_RETURN_OPTIONS as readonly string[]).includes(o)
        ? o
        : oneOf(o, `${field}[${i}]`, SEARCH_RETURN_OPTIONS),
    );
  }
  w.byte(Ch.RParen);
}

/** `[UID] SEARCH [RETURN (…)] [CHARSET charset] keys` */
export function writeSearch(w: Writer, c: Record<string, unknown>): void {
  if (optionalBoolean(c['uid'], 'uid')) w.raw('UID ');
  w.raw('SEARCH');
  if (c['return'] !== undefined) writeSearchReturn(w, c['return'], 'return');
  let charset = c['charset'];
  if (charset === undefined && !w.ctx.utf8 && hasNonAscii(c['criteria'])) charset = 'UTF-8';
  if (charset !== undefined) {
    w.raw(' CHARSET ');
    writeCharset(w, charset, 'charset');
  }
  w.sp();
  writeSearchKeys(w, c['criteria'], 'criteria');
}
