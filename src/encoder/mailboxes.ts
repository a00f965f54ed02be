/**
 * Commands on mailboxes by name: CREATE (RFC 6154 `USE`), DELETE, RENAME, SUBSCRIBE,
 * UNSUBSCRIBE (RFC 9051 §6.3.4–§6.3.8).
 *
 * ```abnf
 * create       = "CREATE" SP mailbox [create-params]         ; RFC 4466 §2.2
 * create-param =/ "USE" SP "(" [use-attr *(SP use-attr)] ")" ; RFC 6154 §6
 * use-attr     = "\All" / "\Archive" / "\Drafts" / "\Flagged" / "\Junk" / "\Sent" / "\Trash"
 *              / use-attr-ext
 * use-attr-ext = "\" atom
 * delete       = "DELETE" SP mailbox
 * rename       = "RENAME" SP mailbox SP mailbox
 * subscribe    = "SUBSCRIBE" SP mailbox
 * unsubscribe  = "UNSUBSCRIBE" SP mailbox
 * ```
 */
import { ATOM_CHAR } from '../lexer/chars.ts';
import { eachItem, expectArray } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import { writeMailbox } from './mailbox.ts';
import type { Writer } from './writer.ts';

/** `CREATE mailbox [(USE (attrs))]` */
export function writeCreate(w: Writer, c: Record<string, unknown>): void {
  w.raw('CREATE ');
  writeMailbox(w, c['mailbox'], 'mailbox');
  if (c['specialUse'] === undefined) return;
  w.raw(' (USE (');
  eachItem(expectArray(c['specialUse'], 'specialUse'), (a, i) => {
    const f = `specialUse[${i}]`;
    if (typeof a !== 'string' || !a.startsWith('\\')) {
      throw new ImapEncodeError('INVALID_FLAG', f, 'a special-use attribute is "\\" atom, e.g. \\Sent');
    }
    if (i > 0) w.sp();
    w.raw('\\').atom(a.slice(1), f, ATOM_CHAR, 'a special-use attribute');
  });
  w.raw('))');
}

/** `DELETE` / `SUBSCRIBE` / `UNSUBSCRIBE` `mailbox` */
export function writeMailboxCommand(w: Writer, c: Record<string, unknown>): void {
  w.raw(String(c['name'])).sp();
  writeMailbox(w, c['mailbox'], 'mailbox');
}

/** `RENAME from to` */
export function writeRename(w: Writer, c: Record<string, unknown>): void {
  w.raw('RENAME ');
  writeMailbox(w, c['from'], 'from');
  w.sp();
  writeMailbox(w, c['to'], 'to');
}
