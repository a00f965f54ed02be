/**
 * LIST with RFC 5258 LIST-EXTENDED (RFC 9051 §6.3.9), RFC 5819 LIST-STATUS, RFC 6154
 * SPECIAL-USE; and LSUB (RFC 3501 §6.3.9). Mirrors `parser/list.ts`.
 *
 * ```abnf
 * list             = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
 * list-select-opts = "(" [(*(list-select-opt SP) list-select-base-opt *(SP list-select-opt))
 *                    / (list-select-independent-opt *(SP list-select-independent-opt))] ")"
 * list-select-base-opt        = "SUBSCRIBED" / "SPECIAL-USE"   ; SPECIAL-USE: RFC 6154 §6
 * list-select-independent-opt = "REMOTE"
 * list-select-mod-opt         = "RECURSIVEMATCH"               ; needs a base option
 * mbox-or-pat      = list-mailbox / patterns
 * patterns         = "(" list-mailbox *(SP list-mailbox) ")"
 * list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"
 * return-option    = "SUBSCRIBED" / "CHILDREN" / "SPECIAL-USE" / status-option
 * status-option    = "STATUS" SP "(" status-att *(SP status-att) ")"   ; RFC 5819
 * lsub             = "LSUB" SP mailbox SP list-mailbox
 * ```
 */
import type { ListSelectOption } from '../model/command.ts';
import { eachItem, expectArray, expectObject, oneOf } from './check.ts';
import { ImapEncodeError } from './errors.ts';
import { writeListMailbox, writeMailbox } from './mailbox.ts';
import { writeStatusItems } from './status.ts';
import type { Writer } from './writer.ts';

const SELECT_OPTIONS: readonly ListSelectOption[] = ['SUBSCRIBED', 'REMOTE', 'RECURSIVEMATCH', 'SPECIAL-USE'];
const RETURN_OPTIONS = ['SUBSCRIBED', 'CHILDREN', 'SPECIAL-USE'] as const;

/** `LIST [(selection)] reference pattern(s) [RETURN (options)]` */
export function writeList(w: Writer, c: Record<string, unknown>): void {
  w.raw('LIST ');
  if (c['selection'] !== undefined) {
    const opts: ListSelectOption[] = [];
    eachItem(expectArray(c['selection'], 'selection'), (o, i) => {
      opts.push(oneOf(o, `selection[${i}]`, SELECT_OPTIONS));
    });
    if (opts.includes('RECURSIVEMATCH') && !opts.includes('SUBSCRIBED') && !opts.includes('SPECIAL-USE')) {
      throw new ImapEncodeError(
        'INVALID_ARGUMENT',
        'selection',
        'RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE',
      );
    }
    w.raw(`(${opts.join(' ')}) `);
  }
  writeMailbox(w, c['reference'], 'reference');
  w.sp();
  const p = c['pattern'];
  if (Array.isArray(p)) {
    w.raw('(');
    eachItem(expectArray(p, 'pattern', true), (x, i) => {
      if (i > 0) w.sp();
      writeListMailbox(w, x, `pattern[${i}]`);
    });
    w.raw(')');
  } else writeListMailbox(w, p, 'pattern');
  if (c['return'] === undefined) return;
  w.raw(' RETURN (');
  eachItem(expectArray(c['return'], 'return'), (o, i) => {
    const f = `return[${i}]`;
    if (i > 0) w.sp();
    if (typeof o === 'string') w.raw(oneOf(o, f, RETURN_OPTIONS));
    else {
      w.raw('STATUS ');
      writeStatusItems(w, expectObject(o, f)['status'], `${f}.status`);
    }
  });
  w.raw(')');
}

/** `LSUB reference pattern` */
export function writeLsub(w: Writer, c: Record<string, unknown>): void {
  w.raw('LSUB ');
  writeMailbox(w, c['reference'], 'reference');
  w.sp();
  writeListMailbox(w, c['pattern'], 'pattern');
}
