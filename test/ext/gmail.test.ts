/**
 * Gmail X-GM-MSGID / X-GM-THRID / X-GM-LABELS (src/parser/ext/gmail.ts): Google's documented
 * examples and the shapes Gmail sends in peers' issue threads, refusals.
 */
import { describe, test } from 'vitest';
import type { FetchAttributes, FetchResponse } from '../../src/index.ts';
import { expectDecoded, expectOne, expectRefused } from '../helpers/ext.ts';

function fetch(seq: number, attributes: FetchAttributes): FetchResponse {
  return { type: 'untagged', kind: 'fetch', seq, attributes };
}

describe('known answers', () => {
  test('Google: X-GM-MSGID and X-GM-THRID, 64-bit and exact', () => {
    expectDecoded(
      '* 1 FETCH (X-GM-MSGID 1278455344230334865)\r\n* 2 FETCH (X-GM-THRID 1266894439832287888 UID 5)\r\n',
      [
        fetch(1, { gmailMessageId: 1278455344230334865n }),
        fetch(2, { gmailThreadId: 1266894439832287888n, uid: 5 }),
      ],
    );
  });

  test('Google: X-GM-LABELS with flag-like system labels, atoms, a quoted label, none', () => {
    expectDecoded(
      '* 1 FETCH (X-GM-LABELS (\\Inbox \\Sent Important "Muy Importante"))\r\n' +
        '* 2 FETCH (X-GM-LABELS (foo))\r\n' +
        '* 3 FETCH (X-GM-LABELS ())\r\n',
      [
        fetch(1, { gmailLabels: ['\\Inbox', '\\Sent', 'Important', 'Muy Importante'] }),
        fetch(2, { gmailLabels: ['foo'] }),
        fetch(3, { gmailLabels: [] }),
      ],
    );
  });

  test('node-imap #187: system labels quoted with the backslash escaped, beside other items', () => {
    expectOne(
      '* 1 FETCH (X-GM-THRID 1382927258807439521 X-GM-MSGID 1382927258807439521 X-GM-LABELS ("\\\\Inbox" "\\\\Important") UID 1 FLAGS (\\Seen))\r\n',
      fetch(1, {
        gmailThreadId: 1382927258807439521n,
        gmailMessageId: 1382927258807439521n,
        gmailLabels: ['\\Inbox', '\\Important'],
        uid: 1,
        flags: ['\\Seen'],
      }),
    );
  });

  test('ruby/net-imap #272 and MailKit #51: labels with parentheses and brackets', () => {
    expectOne(
      '* 3 FETCH (X-GM-LABELS ("()" "(foobar)" "[foobar]" "\\\\Draft" fav [Mailbox]) UID 6)\r\n',
      fetch(3, { gmailLabels: ['()', '(foobar)', '[foobar]', '\\Draft', 'fav', '[Mailbox]'], uid: 6 }),
    );
  });

  test('labels are mailbox names: modified UTF-7 decoded, INBOX not folded', () => {
    expectOne(
      '* 4 FETCH (X-GM-LABELS ("&BCAEMAQxBD4EQgQw-" inbox "R&D"))\r\n',
      fetch(4, { gmailLabels: ['Работа', 'inbox', 'R&D'] }),
    );
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('X-GM-MSGID beyond 63 bits', () => {
    expectRefused('* 1 FETCH (X-GM-MSGID 18446744073709551616)\r\n', 'NUMBER_RANGE', 22);
  });
  test('X-GM-LABELS without a list', () => {
    expectRefused('* 1 FETCH (X-GM-LABELS foo)\r\n', 'SYNTAX', 23);
  });
  test('an unclosed label list', () => {
    expectRefused('* 1 FETCH (X-GM-LABELS (a b)\r\n', 'SYNTAX', 28);
  });
});
