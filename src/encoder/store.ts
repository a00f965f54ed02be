/**
 * STORE, COPY, MOVE, EXPUNGE and their UID forms (RFC 9051 §6.4.3, §6.4.6–§6.4.9; RFC 7162
 * UNCHANGEDSINCE, RFC 6851 MOVE, RFC 4315 UID EXPUNGE, Gmail X-GM-LABELS).
 * Gmail's `store-att-flags =/ (["+" / "-"] "X-GM-LABELS" [".SILENT"]) SP "(" [label *(SP label)] ")"`.
 *
 * ```abnf
 * store           = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
 * store-modifiers = SP "(" store-modifier *(SP store-modifier) ")"        ; RFC 4466
 * store-modifier  =/ "UNCHANGEDSINCE" SP mod-sequence-valzer              ; RFC 7162
 * store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
 * copy            = "COPY" SP sequence-set SP mailbox
 * move            = "MOVE" SP sequence-set SP mailbox                     ; RFC 6851
 * uid             = "UID" SP (copy / move / fetch / search / store / uid-expunge)
 * uid-expunge     = "UID" SP "EXPUNGE" SP sequence-set                    ; RFC 4315
 * ```
 */
import { ASTRING_CHAR, Ch } from '../lexer/chars.ts';
import { ascii } from './ascii.ts';
import { expectArray, oneOf, optionalBoolean } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import { tryFlag, writeFlag } from './flags.ts';
import { mailboxBytes, writeMailbox } from './mailbox.ts';
import { writeSequenceSet } from './sequence-set.ts';
import type { Writer } from './writer.ts';

const OPERATIONS = ['replace', 'add', 'remove'] as const;

/**
 * Each operation's first entry in {@link ITEM_TEXT}, -1 for any other value (one lookup checks
 * and places it). A switch, not a `Map`: pointer comparisons of internalized strings.
 */
function operationAt(op: unknown): number {
  switch (op) {
    case 'replace':
      return 0;
    case 'add':
      return 4;
    case 'remove':
      return 8;
    default:
      return -1;
  }
}

/** ` [+|-]ITEM[.SILENT] (` at `operation * 4 + (labels ? 2 : 0) + (silent ? 1 : 0)`. */
const ITEM_TEXT: readonly Uint8Array[] = ['', '+', '-'].flatMap((sign) =>
  ['FLAGS', 'X-GM-LABELS'].flatMap((item) => ['', '.SILENT'].map((s) => ascii(` ${sign}${item}${s} (`))),
);
const STORE = ascii('STORE ');
const UID_STORE = ascii('UID STORE ');
const UNCHANGEDSINCE = ascii(' (UNCHANGEDSINCE ');

/** Writes a Gmail label: `\\Inbox`-style system labels bare, others like a mailbox name. */
export function writeLabel(w: Writer, v: unknown, field: string): void {
  if (typeof v === 'string' && /^\\[A-Za-z]+$/.test(v)) w.raw(v);
  else w.stringBytes(mailboxBytes(v, w.ctx.utf8, field, false), field, ASTRING_CHAR, false);
}

/** `[UID] STORE set [(UNCHANGEDSINCE n)] [+|-]FLAGS[.SILENT] (flags)` (or `X-GM-LABELS`) */
export function writeStore(w: Writer, c: Record<string, unknown>): void {
  const uid = optionalBoolean(c['uid'], 'uid');
  w.text(uid ? UID_STORE : STORE);
  writeSequenceSet(w, c['sequence'], 'sequence');
  if (c['unchangedSince'] !== undefined) {
    w.text(UNCHANGEDSINCE).number64(c['unchangedSince'], 'unchangedSince').byte(Ch.RParen);
  }
  const op = c['operation'];
  let k = operationAt(op);
  if (k < 0) k = operationAt(oneOf(op, 'operation', OPERATIONS));
  const labels = c['labels'] !== undefined;
  if (labels && c['flags'] !== undefined) {
    throw new ImapEncodeError('INVALID_ARGUMENT', 'labels', 'flags or labels, not both');
  }
  const field = labels ? 'labels' : 'flags';
  const silent = optionalBoolean(c['silent'], 'silent');
  w.text(ITEM_TEXT[k + (labels ? 2 : 0) + (silent ? 1 : 0)]!);
  // Named loads, not c[field]: a computed key is a slower (keyed) property lookup.
  const list = expectArray(labels ? c['labels'] : c['flags'], field);
  for (let i = 0; i < list.length; i++) {
    if (i > 0) w.sp();
    const f = list[i];
    if (labels) writeLabel(w, f, `${field}[${i}]`);
    else if (!tryFlag(w, f)) writeFlag(w, f, `${field}[${i}]`);
  }
  w.byte(Ch.RParen);
}

/** `[UID] COPY|MOVE set mailbox` */
export function writeCopy(w: Writer, c: Record<string, unknown>): void {
  if (optionalBoolean(c['uid'], 'uid')) w.raw('UID ');
  w.raw(c['name'] === 'MOVE' ? 'MOVE ' : 'COPY ');
  writeSequenceSet(w, c['sequence'], 'sequence');
  w.sp();
  writeMailbox(w, c['mailbox'], 'mailbox');
}

/** `EXPUNGE` or `UID EXPUNGE set` */
export function writeExpunge(w: Writer, c: Record<string, unknown>): void {
  if (c['uids'] === undefined) w.raw('EXPUNGE');
  else {
    w.raw('UID EXPUNGE ');
    writeSequenceSet(w, c['uids'], 'uids', { dollar: true });
  }
}
