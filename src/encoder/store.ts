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
import { ASTRING_CHAR } from '../lexer/chars.ts';
import { expectArray, oneOf, optionalBoolean } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import { writeFlag } from './flags.ts';
import { mailboxBytes, writeMailbox } from './mailbox.ts';
import { formatSequenceSet } from './sequence-set.ts';
import type { Writer } from './writer.ts';

const OPERATIONS = { replace: '', add: '+', remove: '-' } as const;

/** Writes a Gmail label: `\\Inbox`-style system labels bare, others like a mailbox name. */
export function writeLabel(w: Writer, v: unknown, field: string): void {
  if (typeof v === 'string' && /^\\[A-Za-z]+$/.test(v)) w.raw(v);
  else w.stringBytes(mailboxBytes(v, w.ctx.utf8, field, false), field, ASTRING_CHAR, false);
}

/** `[UID] STORE set [(UNCHANGEDSINCE n)] [+|-]FLAGS[.SILENT] (flags)` (or `X-GM-LABELS`) */
export function writeStore(w: Writer, c: Record<string, unknown>): void {
  const uid = optionalBoolean(c['uid'], 'uid');
  w.raw(uid ? 'UID STORE ' : 'STORE ').raw(formatSequenceSet(c['sequence'], 'sequence'));
  if (c['unchangedSince'] !== undefined) {
    w.raw(' (UNCHANGEDSINCE ').number64(c['unchangedSince'], 'unchangedSince').raw(')');
  }
  const op = oneOf(c['operation'], 'operation', ['replace', 'add', 'remove'] as const);
  const labels = c['labels'] !== undefined;
  if (labels && c['flags'] !== undefined) {
    throw new ImapEncodeError('INVALID_ARGUMENT', 'labels', 'flags or labels, not both');
  }
  const field = labels ? 'labels' : 'flags';
  const item = labels ? 'X-GM-LABELS' : 'FLAGS';
  w.raw(` ${OPERATIONS[op]}${item}${optionalBoolean(c['silent'], 'silent') ? '.SILENT' : ''} (`);
  expectArray(c[field], field).forEach((f, i) => {
    if (i > 0) w.sp();
    if (labels) writeLabel(w, f, `${field}[${i}]`);
    else writeFlag(w, f, `${field}[${i}]`);
  });
  w.raw(')');
}

/** `[UID] COPY|MOVE set mailbox` */
export function writeCopy(w: Writer, c: Record<string, unknown>): void {
  if (optionalBoolean(c['uid'], 'uid')) w.raw('UID ');
  w.raw(c['name'] === 'MOVE' ? 'MOVE ' : 'COPY ')
    .raw(formatSequenceSet(c['sequence'], 'sequence'))
    .sp();
  writeMailbox(w, c['mailbox'], 'mailbox');
}

/** `EXPUNGE` or `UID EXPUNGE set` */
export function writeExpunge(w: Writer, c: Record<string, unknown>): void {
  if (c['uids'] === undefined) w.raw('EXPUNGE');
  else w.raw('UID EXPUNGE ').raw(formatSequenceSet(c['uids'], 'uids', { dollar: true }));
}
