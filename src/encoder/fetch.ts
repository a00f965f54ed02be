/**
 * FETCH (RFC 9051 §6.4.5; RFC 3516 BINARY, RFC 7162 CONDSTORE/QRESYNC modifiers, RFC 8474,
 * RFC 8970 PREVIEW, RFC 8514 SAVEDATE, Gmail X-GM-*), mirroring `parser/fetch.ts`.
 *
 * ```abnf
 * fetch           = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att
 *                   / "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
 * fetch-att       = "ENVELOPE" / "FLAGS" / "INTERNALDATE" / "RFC822" [".HEADER" / ".SIZE" / ".TEXT"]
 *                 / "BODY" ["STRUCTURE"] / "UID" / "BODY" section [partial]
 *                 / "BODY.PEEK" section [partial] / "BINARY" [".PEEK"] section-binary [partial]
 *                 / "BINARY.SIZE" section-binary
 * fetch-att       =/ "MODSEQ"                                  ; RFC 7162
 * fetch-att       =/ "EMAILID" / "THREADID"                    ; RFC 8474
 * fetch-att       =/ "PREVIEW" [SP "(" preview-mod *(SP preview-mod) ")"]   ; RFC 8970
 * preview-mod     = "LAZY"
 * fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"          ; RFC 4466
 * fetch-modifier  =/ "CHANGEDSINCE" SP mod-sequence-value / "VANISHED"      ; RFC 7162
 * ```
 */
import { Ch } from '../lexer/chars.ts';
import { FETCH_SIMPLE_ITEMS, type FetchSimpleItemName } from '../model/command-fetch.ts';
import { ascii } from './ascii.ts';
import { at, expectArray, expectObject, isObject, optionalBoolean } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import { writeBinarySection, writePartial, writeSection } from './section.ts';
import { writeSequenceSet } from './sequence-set.ts';
import type { Writer } from './writer.ts';

/** The items written as their name alone, to their bytes. */
const S = Object.fromEntries(FETCH_SIMPLE_ITEMS.map((n) => [n, ascii(n)])) as Record<
  FetchSimpleItemName,
  Uint8Array
>;

/**
 * The bytes of an item written as its name alone; `undefined` for any other value. A switch, not
 * a `Map`: item names are internalized strings, so each case is a pointer comparison, ~4 ns a
 * lookup against ~14 ns for `Map.get` (Node 20, a loop over the FETCH names). The compiler checks
 * that every `FETCH_SIMPLE_ITEMS` name has its case (the `never` below).
 */
function simpleItem(name: FetchSimpleItemName): Uint8Array | undefined {
  switch (name) {
    case 'UID':
      return S.UID;
    case 'FLAGS':
      return S.FLAGS;
    case 'ENVELOPE':
      return S.ENVELOPE;
    case 'INTERNALDATE':
      return S.INTERNALDATE;
    case 'RFC822.SIZE':
      return S['RFC822.SIZE'];
    case 'RFC822':
      return S.RFC822;
    case 'RFC822.HEADER':
      return S['RFC822.HEADER'];
    case 'RFC822.TEXT':
      return S['RFC822.TEXT'];
    case 'BODY':
      return S.BODY;
    case 'BODYSTRUCTURE':
      return S.BODYSTRUCTURE;
    case 'MODSEQ':
      return S.MODSEQ;
    case 'EMAILID':
      return S.EMAILID;
    case 'THREADID':
      return S.THREADID;
    case 'SAVEDATE':
      return S.SAVEDATE;
    case 'X-GM-MSGID':
      return S['X-GM-MSGID'];
    case 'X-GM-THRID':
      return S['X-GM-THRID'];
    case 'X-GM-LABELS':
      return S['X-GM-LABELS'];
    default:
      // At run time: any other value (a caller's), which no case matched.
      name satisfies never;
      return undefined;
  }
}
const MACROS: ReadonlyMap<string, Uint8Array> = new Map(['ALL', 'FAST', 'FULL'].map((n) => [n, ascii(n)]));
const BODY = ascii('BODY');
const BODY_PEEK = ascii('BODY.PEEK');
const BINARY = ascii('BINARY');
const BINARY_PEEK = ascii('BINARY.PEEK');
const BINARY_SIZE = ascii('BINARY.SIZE');
const PREVIEW = ascii('PREVIEW');
const PREVIEW_LAZY = ascii('PREVIEW (LAZY)');
const FETCH = ascii('FETCH ');
const UID_FETCH = ascii('UID FETCH ');
const CHANGEDSINCE = ascii(' (CHANGEDSINCE ');
const VANISHED = ascii(' VANISHED');

/** An optional boolean of the item `field[i]` (its path made only for the error). */
function flag(v: unknown, field: string, i: number, name: string): boolean {
  if (v === undefined) return false;
  if (typeof v === 'boolean') return v;
  return optionalBoolean(v, `${at(field, i)}.${name}`);
}

/** Writes the FETCH item `field[i]` (`field` when `i` < 0). */
function writeItem(w: Writer, v: unknown, field: string, i: number): void {
  const it = isObject(v) ? v : expectObject(v, at(field, i));
  const name = it['item'];
  const simple = simpleItem(name as FetchSimpleItemName);
  if (simple !== undefined) {
    w.text(simple);
    return;
  }
  switch (name) {
    case 'BODY[]':
      w.text(flag(it['peek'], field, i, 'peek') ? BODY_PEEK : BODY);
      writeSection(w, it['section'], field, i);
      writePartial(w, it['partial'], field, i);
      return;
    case 'BINARY[]':
      w.text(flag(it['peek'], field, i, 'peek') ? BINARY_PEEK : BINARY);
      writeBinarySection(w, it['part'], field, i);
      writePartial(w, it['partial'], field, i);
      return;
    case 'BINARY.SIZE':
      w.text(BINARY_SIZE);
      writeBinarySection(w, it['part'], field, i);
      return;
    case 'PREVIEW':
      w.text(flag(it['lazy'], field, i, 'lazy') ? PREVIEW_LAZY : PREVIEW);
      return;
    default:
      throw new ImapEncodeError(
        'INVALID_ARGUMENT',
        `${at(field, i)}.item`,
        `no FETCH item ${JSON.stringify(name)}`,
      );
  }
}

/** Writes one `fetch-att` (also NOTIFY's MessageNew attributes). */
export function writeFetchItem(w: Writer, v: unknown, field: string): void {
  writeItem(w, v, field, -1);
}

/** Writes `"(" fetch-att *(SP fetch-att) ")"`. */
export function writeFetchItemList(w: Writer, v: unknown, field: string): void {
  if (!Array.isArray(v) || v.length === 0) expectArray(v, field, true);
  const list = v as readonly unknown[];
  w.byte(Ch.LParen);
  for (let i = 0; i < list.length; i++) {
    if (i > 0) w.sp();
    writeItem(w, list[i], field, i);
  }
  w.byte(Ch.RParen);
}

/** `[UID] FETCH set items [(CHANGEDSINCE n [VANISHED])]` */
export function writeFetch(w: Writer, c: Record<string, unknown>): void {
  const uid = optionalBoolean(c['uid'], 'uid');
  w.text(uid ? UID_FETCH : FETCH);
  writeSequenceSet(w, c['sequence'], 'sequence');
  w.sp();
  const items = c['items'];
  const macro = typeof items === 'string' ? MACROS.get(items) : undefined;
  if (Array.isArray(items)) writeFetchItemList(w, items, 'items');
  else if (macro !== undefined) w.text(macro);
  else if (items !== null && typeof items === 'object') writeFetchItem(w, items, 'items');
  else
    throw new ImapEncodeError(
      'INVALID_ARGUMENT',
      'items',
      'expected ALL, FAST, FULL, an item or a list of items',
    );
  const vanished = optionalBoolean(c['vanished'], 'vanished');
  const changedSince = c['changedSince'];
  if (changedSince !== undefined) {
    w.text(CHANGEDSINCE).number64(changedSince, 'changedSince', true);
    if (vanished) w.text(VANISHED);
    w.byte(Ch.RParen);
  }
  // RFC 7162 §3.2.6: the server answers BAD otherwise.
  if (vanished && (!uid || changedSince === undefined)) {
    throw new ImapEncodeError('INVALID_ARGUMENT', 'vanished', 'VANISHED needs UID FETCH and changedSince');
  }
}
