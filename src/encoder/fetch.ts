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
import { FETCH_SIMPLE_ITEMS } from '../model/command-fetch.ts';
import { expectArray, expectObject, optionalBoolean } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import { writeBinarySection, writePartial, writeSection } from './section.ts';
import { formatSequenceSet } from './sequence-set.ts';
import type { Writer } from './writer.ts';

const SIMPLE: ReadonlySet<string> = new Set<string>(FETCH_SIMPLE_ITEMS);
const MACROS = new Set(['ALL', 'FAST', 'FULL']);

/** Writes one `fetch-att` (also NOTIFY's MessageNew attributes). */
export function writeFetchItem(w: Writer, v: unknown, field: string): void {
  const it = expectObject(v, field);
  const name = it['item'];
  if (typeof name === 'string' && SIMPLE.has(name)) {
    w.raw(name);
    return;
  }
  switch (name) {
    case 'BODY[]':
      w.raw(optionalBoolean(it['peek'], `${field}.peek`) ? 'BODY.PEEK' : 'BODY');
      writeSection(w, it['section'], `${field}.section`);
      writePartial(w, it['partial'], `${field}.partial`);
      return;
    case 'BINARY[]':
      w.raw(optionalBoolean(it['peek'], `${field}.peek`) ? 'BINARY.PEEK' : 'BINARY');
      writeBinarySection(w, it['part'], `${field}.part`);
      writePartial(w, it['partial'], `${field}.partial`);
      return;
    case 'BINARY.SIZE':
      w.raw('BINARY.SIZE');
      writeBinarySection(w, it['part'], `${field}.part`);
      return;
    case 'PREVIEW':
      w.raw(optionalBoolean(it['lazy'], `${field}.lazy`) ? 'PREVIEW (LAZY)' : 'PREVIEW');
      return;
    default:
      throw new ImapEncodeError('INVALID_ARGUMENT', `${field}.item`, `no FETCH item ${JSON.stringify(name)}`);
  }
}

/** Writes `"(" fetch-att *(SP fetch-att) ")"`. */
export function writeFetchItemList(w: Writer, v: unknown, field: string): void {
  w.raw('(');
  expectArray(v, field, true).forEach((it, i) => {
    if (i > 0) w.sp();
    writeFetchItem(w, it, `${field}[${i}]`);
  });
  w.raw(')');
}

/** `[UID] FETCH set items [(CHANGEDSINCE n [VANISHED])]` */
export function writeFetch(w: Writer, c: Record<string, unknown>): void {
  const uid = optionalBoolean(c['uid'], 'uid');
  w.raw(uid ? 'UID FETCH ' : 'FETCH ')
    .raw(formatSequenceSet(c['sequence'], 'sequence'))
    .sp();
  const items = c['items'];
  if (typeof items === 'string' && MACROS.has(items)) w.raw(items);
  else if (Array.isArray(items)) writeFetchItemList(w, items, 'items');
  else if (items !== null && typeof items === 'object') writeFetchItem(w, items, 'items');
  else
    throw new ImapEncodeError(
      'INVALID_ARGUMENT',
      'items',
      'expected ALL, FAST, FULL, an item or a list of items',
    );
  const vanished = optionalBoolean(c['vanished'], 'vanished');
  if (c['changedSince'] !== undefined) {
    w.raw(' (CHANGEDSINCE ').number64(c['changedSince'], 'changedSince', true);
    if (vanished) w.raw(' VANISHED');
    w.raw(')');
  }
  // RFC 7162 §3.2.6: the server answers BAD otherwise.
  if (vanished && (!uid || c['changedSince'] === undefined)) {
    throw new ImapEncodeError('INVALID_ARGUMENT', 'vanished', 'VANISHED needs UID FETCH and changedSince');
  }
}
