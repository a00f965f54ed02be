/**
 * STATUS (src/parser/ext/status.ts): RFC examples, Dovecot 2.3.19 captures (fixtures/dovecot
 * basic and notify), the Exchange trailing SP, refusals.
 */
import { describe, test } from 'vitest';
import type { StatusAttributes, StatusResponse } from '../../src/index.ts';
import { bytes, expectDecoded, expectOne, expectQuirk, expectRefused } from '../helpers/ext.ts';

function status(mailbox: string, attributes: StatusAttributes, raw = mailbox): StatusResponse {
  return { type: 'untagged', kind: 'status', mailbox, mailboxRaw: bytes(raw), attributes };
}

describe('known answers', () => {
  test('RFC 9051 §6.3.11 / RFC 3501 §6.3.10 example', () => {
    expectOne(
      '* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n',
      status('blurdybloop', { messages: 231, uidNext: 44292 }),
    );
  });

  test('RFC 7162 §3.1.8 example: HIGHESTMODSEQ', () => {
    expectOne(
      '* STATUS blurdybloop (MESSAGES 231 UIDNEXT 7 HIGHESTMODSEQ 7011231777)\r\n',
      status('blurdybloop', { messages: 231, uidNext: 7, highestModseq: 7011231777n }),
    );
  });

  test('HIGHESTMODSEQ above 2^53 stays exact; 0 is a valid mod-sequence-valzer', () => {
    expectDecoded('* STATUS a (HIGHESTMODSEQ 9223372036854775807)\r\n* STATUS b (HIGHESTMODSEQ 0)\r\n', [
      status('a', { highestModseq: 9223372036854775807n }),
      status('b', { highestModseq: 0n }),
    ]);
  });

  test('RFC 8474 §4.1 example: MAILBOXID', () => {
    expectOne(
      '* STATUS foo (MAILBOXID (F2212ea87-6097-4256-9d51-71338625))\r\n',
      status('foo', { mailboxId: 'F2212ea87-6097-4256-9d51-71338625' }),
    );
  });

  test('RFC 9051 DELETED, RFC 8438 SIZE (number64), RFC 9208 DELETED-STORAGE (from the ABNF)', () => {
    expectOne(
      '* STATUS INBOX (MESSAGES 12 DELETED 4 SIZE 9007199254740991 DELETED-STORAGE 8)\r\n',
      status('INBOX', { messages: 12, deleted: 4, size: 9007199254740991, deletedStorage: 8 }),
    );
  });

  test('RFC 7889 APPENDLIMIT: a number, or NIL for no limit', () => {
    expectDecoded('* STATUS INBOX (APPENDLIMIT 257890)\r\n* STATUS Sent (APPENDLIMIT NIL)\r\n', [
      status('INBOX', { appendLimit: 257890 }),
      status('Sent', { appendLimit: null }),
    ]);
  });

  test('Dovecot 2.3.19: RECENT, UIDVALIDITY, UNSEEN, and a modified UTF-7 name', () => {
    expectDecoded(
      '* STATUS INBOX (MESSAGES 25 RECENT 25 UIDNEXT 26 UIDVALIDITY 1795516414 UNSEEN 10)\r\n' +
        '* STATUS "Re&AOc-us &- Factures" (MESSAGES 1 UNSEEN 0 SIZE 2347)\r\n' +
        '* STATUS &ZeVnLIqe- (MESSAGES 1 UIDNEXT 2 UIDVALIDITY 1795516422)\r\n',
      [
        status('INBOX', { messages: 25, recent: 25, uidNext: 26, uidValidity: 1795516414, unseen: 10 }),
        status('Reçus & Factures', { messages: 1, unseen: 0, size: 2347 }, 'Re&AOc-us &- Factures'),
        status('日本語', { messages: 1, uidNext: 2, uidValidity: 1795516422 }, '&ZeVnLIqe-'),
      ],
    );
  });

  test('Dovecot 2.3.19 NOTIFY: unsolicited STATUS of a mailbox that is not selected', () => {
    expectOne(
      '* STATUS Notify-Test (MESSAGES 1 UIDNEXT 2 UNSEEN 1 HIGHESTMODSEQ 2)\r\n',
      status('Notify-Test', { messages: 1, uidNext: 2, unseen: 1, highestModseq: 2n }),
    );
  });

  test('the mailbox as a literal, and names that look like sequence sets', () => {
    expectDecoded(
      '* STATUS {7}\r\nfoo bar (MESSAGES 1)\r\n* STATUS 2024:Q1 (UNSEEN 3)\r\n* STATUS 12:30 ()\r\n',
      [status('foo bar', { messages: 1 }), status('2024:Q1', { unseen: 3 }), status('12:30', {})],
    );
  });

  test('every case of INBOX is INBOX; the raw bytes keep the case', () => {
    expectOne('* STATUS "iNbOx" (MESSAGES 0)\r\n', status('INBOX', { messages: 0 }, 'iNbOx'));
  });

  test('an empty item list (mail.163.com, modern-email/defects#15) is valid', () => {
    expectOne('* STATUS INBOX ()\r\n', status('INBOX', {}));
  });

  test('item names are case-insensitive', () => {
    expectOne('* status INBOX (messages 3 UidNext 9)\r\n', status('INBOX', { messages: 3, uidNext: 9 }));
  });

  test('unknown items are kept with their exact bytes', () => {
    expectOne(
      '* STATUS INBOX (MESSAGES 1 X-FOO (a "b c" {3}\r\nxyz) X-BAR 7)\r\n',
      status('INBOX', {
        messages: 1,
        unknown: [
          { name: 'X-FOO', raw: bytes('(a "b c" {3}\r\nxyz)') },
          { name: 'X-BAR', raw: bytes('7') },
        ],
      }),
    );
  });

  test('RFC 4469 TOOBIG, the code RFC 7889 answers an APPEND over the limit with', () => {
    expectOne('A3 NO [TOOBIG] Message too large\r\n', {
      type: 'tagged',
      tag: 'A3',
      status: 'NO',
      code: { name: 'TOOBIG' },
      text: 'Message too large',
    });
  });
});

describe('quirks', () => {
  test('trailingSpace: Exchange / Outlook.com end STATUS with a SP (imap-codec #468)', () => {
    expectQuirk('* STATUS INBOX (MESSAGES 0) \r\n', status('INBOX', { messages: 0 }), 'trailingSpace', 27);
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('UIDNEXT 0 (nz-number)', () => {
    expectRefused('* STATUS INBOX (UIDNEXT 0)\r\n', 'SYNTAX', 24);
  });
  test('MESSAGES beyond 32 bits', () => {
    expectRefused('* STATUS INBOX (MESSAGES 4294967296)\r\n', 'NUMBER_RANGE', 25);
  });
  test('an item without a value', () => {
    expectRefused('* STATUS INBOX (MESSAGES)\r\n', 'SYNTAX', 24);
  });
  test('no list at all', () => {
    expectRefused('* STATUS INBOX\r\n', 'SYNTAX', 14);
  });
  test('a SP before ")" is not tolerated (no server needs it)', () => {
    expectRefused('* STATUS INBOX (MESSAGES 1 )\r\n', 'SYNTAX', 27);
  });
  test('a MAILBOXID with a character outside objectid', () => {
    expectRefused('* STATUS foo (MAILBOXID (F22.1))\r\n', 'SYNTAX', 28);
  });
  test('a mailbox that is not an astring', () => {
    expectRefused('* STATUS (MESSAGES 1)\r\n', 'SYNTAX', 9);
  });
});
