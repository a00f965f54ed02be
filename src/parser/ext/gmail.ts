/**
 * Gmail's FETCH items (X-GM-EXT-1, https://developers.google.com/gmail/imap/imap-extensions).
 *
 * ```abnf
 * msg-att-static =/ "X-GM-MSGID" SP number64 / "X-GM-THRID" SP number64 /
 *                   "X-GM-LABELS" SP "(" [label *(SP label)] ")"
 * label          = astring / flag-extension
 *                  ; system labels come flag-like (`\Inbox`, `\Important`, as Google documents)
 *                  ; or quoted with the backslash escaped (`"\\Inbox"`, as Gmail sends them)
 * ```
 * IDs are 64-bit: exact `bigint`s. Labels are mailbox names, so they are decoded like them
 * (modified UTF-7, else UTF-8), without the INBOX folding. `[Mailbox]` is a valid astring (`[`
 * is an ATOM-CHAR, `]` an ASTRING-CHAR), so it needs no quirk.
 */
import { Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { registerFetchAttribute } from '../fetch.ts';
import { takeFlag } from '../flags.ts';
import { nameString } from '../mailbox.ts';

function takeLabels(cur: Cursor): string[] {
  const labels: string[] = [];
  cur.enter();
  if (cur.peek() !== Ch.RParen) {
    do {
      if (cur.peek() === Ch.Backslash) labels.push(takeFlag(cur));
      else labels.push(nameString(cur.takeAString()));
    } while (cur.skipIf(Ch.Space));
  }
  cur.leave();
  return labels;
}

/** Plugs X-GM-MSGID, X-GM-THRID and X-GM-LABELS into the FETCH dispatch. */
export function registerGmail(): void {
  registerFetchAttribute('X-GM-MSGID', (cur, attrs) => {
    cur.expectSp();
    attrs.gmailMessageId = cur.takeNumber64();
  });
  registerFetchAttribute('X-GM-THRID', (cur, attrs) => {
    cur.expectSp();
    attrs.gmailThreadId = cur.takeNumber64();
  });
  registerFetchAttribute('X-GM-LABELS', (cur, attrs) => {
    cur.expectSp();
    attrs.gmailLabels = takeLabels(cur);
  });
}
