/**
 * NOTIFY: RFC 5465. The responses NOTIFY produces are the ordinary ones (STATUS, LIST with
 * OLDNAME, FETCH, EXPUNGE, VANISHED, METADATA); this file adds the codes.
 *
 * ```abnf
 * resp-text-code =/ "NOTIFICATIONOVERFLOW" / unsupported-events-code
 * unsupported-events-code = "BADEVENT" SP "(" event *(SP event) ")"
 * event          = message-event / mailbox-event / user-event / event-ext   ; atoms
 * ```
 * `NOTIFICATIONOVERFLOW` and `CLIENTBUG` are simple codes (parser/resp-code.ts). Dovecot
 * 2.3.19 sends the events without the parentheses, `[BADEVENT MailboxMetadataChange]`
 * (quirk `badEventAtom`).
 */
import { ATOM_CHAR, Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { atomString } from '../../lexer/strings.ts';
import type { BadEventCode } from '../../model/resp-code.ts';
import { registerResponseCode } from '../resp-code.ts';

function takeEvent(cur: Cursor, events: string[]): void {
  cur.takeRun(ATOM_CHAR, 'a NOTIFY event name');
  events.push(atomString(cur.buf, cur.tokStart, cur.tokEnd));
}

/** `SP "(" event *(SP event) ")"` after `BADEVENT`. */
function takeBadEvent(cur: Cursor): BadEventCode {
  const events: string[] = [];
  cur.expectSp();
  if (cur.peek() === Ch.LParen) {
    cur.enter();
    do takeEvent(cur, events);
    while (cur.skipIf(Ch.Space));
    cur.leave();
  } else {
    cur.quirk('badEventAtom', cur.pos);
    do takeEvent(cur, events);
    while (cur.skipIf(Ch.Space));
  }
  return { name: 'BADEVENT', events };
}

/** Plugs the BADEVENT code into the dispatch. */
export function registerNotify(): void {
  registerResponseCode('BADEVENT', takeBadEvent);
}
