/**
 * STATUS: RFC 9051 §7.3.4 / RFC 3501 §7.2.4, with the items of RFC 8438 (SIZE), RFC 7162
 * (HIGHESTMODSEQ), RFC 9208 (DELETED-STORAGE), RFC 7889 (APPENDLIMIT) and RFC 8474 (MAILBOXID).
 *
 * ```abnf
 * mailbox-data    =/ "STATUS" SP mailbox SP "(" [status-att-list] ")"
 * status-att-list = status-att-val *(SP status-att-val)
 * status-att-val  = ("MESSAGES" SP number) / ("UIDNEXT" SP nz-number) /
 *                   ("UIDVALIDITY" SP nz-number) / ("UNSEEN" SP number) /
 *                   ("DELETED" SP number) / ("SIZE" SP number64)            ; RFC 9051
 * status-att-val  =/ "RECENT" SP number                                     ; RFC 3501
 * status-att-val  =/ "HIGHESTMODSEQ" SP mod-sequence-valzer                 ; RFC 7162
 * status-att-val  =/ "DELETED-STORAGE" SP number64                          ; RFC 9208
 * status-att-val  =/ "APPENDLIMIT" SP (number / nil)                        ; RFC 7889
 * status-att-val  =/ "MAILBOXID" SP "(" objectid ")"                        ; RFC 8474
 * resp-text-code  =/ "TOOBIG"                                   ; RFC 4469, used by RFC 7889
 * ```
 * An item with another name is kept as `{ name, raw }` (its value read as a generic value).
 * An empty list (`* STATUS INBOX ()`, mail.163.com) is valid: the list is optional.
 */
import { ATOM_CHAR, Ch } from '../../lexer/chars.ts';
import type { Cursor } from '../../lexer/cursor.ts';
import { wireBytes } from '../../lexer/frame.ts';
import { KeywordTable } from '../../lexer/keywords.ts';
import { atomString } from '../../lexer/strings.ts';
import type { StatusAttributes, StatusResponse } from '../../model/status.ts';
import type { RegisterUntagged } from '../extensions.ts';
import { mailboxName } from '../mailbox.ts';
import { registerResponseCode } from '../resp-code.ts';
import { skipValue } from '../value.ts';
import { takeObjectId } from './objectid.ts';

type ItemParser = (cur: Cursor, a: StatusAttributes) => void;

const items = new KeywordTable<ItemParser>()
  .add('MESSAGES', (cur, a) => {
    a.messages = cur.takeNumber();
  })
  .add('RECENT', (cur, a) => {
    a.recent = cur.takeNumber();
  })
  .add('UIDNEXT', (cur, a) => {
    a.uidNext = cur.takeNzNumber();
  })
  .add('UIDVALIDITY', (cur, a) => {
    a.uidValidity = cur.takeNzNumber();
  })
  .add('UNSEEN', (cur, a) => {
    a.unseen = cur.takeNumber();
  })
  .add('DELETED', (cur, a) => {
    a.deleted = cur.takeNumber();
  })
  .add('SIZE', (cur, a) => {
    a.size = cur.takeSafeNumber();
  })
  .add('DELETED-STORAGE', (cur, a) => {
    a.deletedStorage = cur.takeSafeNumber();
  })
  // mod-sequence-valzer: 0 is allowed here (a mailbox that never had a change).
  .add('HIGHESTMODSEQ', (cur, a) => {
    a.highestModseq = cur.takeNumber64();
  })
  .add('APPENDLIMIT', (cur, a) => {
    a.appendLimit = cur.skipNil() ? null : cur.takeNumber();
  })
  .add('MAILBOXID', (cur, a) => {
    a.mailboxId = takeObjectId(cur);
  });

/** Reads `SP mailbox SP "(" [status-att-list] ")"` after `* STATUS`. */
export function takeStatusResponse(cur: Cursor): StatusResponse {
  cur.expectSp();
  const mailboxRaw = cur.takeAString();
  cur.expectSp();
  const attributes: StatusAttributes = {};
  cur.enter();
  if (cur.peek() !== Ch.RParen) {
    const buf = cur.buf;
    do {
      cur.takeRun(ATOM_CHAR, 'a STATUS item name');
      const nameStart = cur.tokStart;
      const nameEnd = cur.tokEnd;
      cur.expectSp();
      const parse = items.get(buf, nameStart, nameEnd);
      if (parse !== undefined) parse(cur, attributes);
      else {
        const start = cur.pos;
        skipValue(cur);
        (attributes.unknown ??= []).push({
          name: atomString(buf, nameStart, nameEnd),
          raw: wireBytes(cur.frame!, start, cur.pos),
        });
      }
    } while (cur.skipIf(Ch.Space));
  }
  cur.leave();
  // Exchange / Outlook.com end STATUS with a SP (imap-codec #468, imap-proto #152).
  cur.skipTrailingSpace();
  return { type: 'untagged', kind: 'status', mailbox: mailboxName(mailboxRaw), mailboxRaw, attributes };
}

/** Plugs STATUS (and the TOOBIG code APPENDLIMIT refers to) into the dispatch. */
export function registerStatus(registerUntagged: RegisterUntagged): void {
  registerUntagged('STATUS', takeStatusResponse);
  registerResponseCode('TOOBIG', () => ({ name: 'TOOBIG' }));
}
