/**
 * LIST / LSUB / XLIST (src/parser/ext/list.ts): RFC 9051, RFC 5258, RFC 6154 examples, Dovecot
 * 2.3.19 captures (fixtures/dovecot basic and notify), other servers' shapes from public issue
 * threads, refusals.
 */
import { describe, test } from 'vitest';
import type { ListResponse, LsubResponse, MailboxList, XlistResponse } from '../../src/index.ts';
import { latin1 } from '../helpers/decode.ts';
import { bytes, expectDecoded, expectOne, expectRefused } from '../helpers/ext.ts';

type Extra = Partial<Omit<MailboxList, 'flags' | 'delimiter' | 'mailbox' | 'mailboxRaw'>>;
type AnyList = ListResponse | LsubResponse | XlistResponse;

function list(
  flags: string[],
  delimiter: string | null,
  mailbox: string,
  extra: Extra = {},
  raw = mailbox,
  kind: AnyList['kind'] = 'list',
): AnyList {
  const r: AnyList = { type: 'untagged', kind, flags, delimiter, mailbox, mailboxRaw: bytes(raw) };
  return Object.assign(r, extra);
}

describe('known answers', () => {
  test('RFC 9051 §6.3.9 examples: empty name, "." delimiter, #news., ~/Mail/foo', () => {
    expectDecoded(
      '* LIST (\\Noselect) "/" ""\r\n' +
        '* LIST (\\Noselect) "." #news.\r\n' +
        '* LIST () "/" blurdybloop\r\n' +
        '* LIST (\\Noselect) "/" ~/Mail/foo\r\n',
      [
        list(['\\Noselect'], '/', ''),
        list(['\\Noselect'], '.', '#news.'),
        list([], '/', 'blurdybloop'),
        list(['\\Noselect'], '/', '~/Mail/foo'),
      ],
    );
  });

  test('RFC 3501 §6.3.9 LSUB', () => {
    expectOne(
      '* LSUB () "." #news.comp.mail.mime\r\n',
      list([], '.', '#news.comp.mail.mime', {}, '#news.comp.mail.mime', 'lsub'),
    );
  });

  test('RFC 5258 §5: \\NonExistent, \\Subscribed, CHILDINFO (quoted tag)', () => {
    expectDecoded(
      '* LIST (\\Marked \\NoInferiors \\Subscribed) "/" inbox\r\n' +
        '* LIST (\\Subscribed \\NonExistent) "/" Fruit/Peach\r\n' +
        '* LIST () "/" "Foo" ("CHILDINFO" ("SUBSCRIBED"))\r\n',
      [
        list(['\\Marked', '\\NoInferiors', '\\Subscribed'], '/', 'INBOX', {}, 'inbox'),
        list(['\\Subscribed', '\\NonExistent'], '/', 'Fruit/Peach'),
        list([], '/', 'Foo', { childInfo: ['SUBSCRIBED'] }),
      ],
    );
  });

  test('RFC 6154 §5.1: special-use attributes, picked out in specialUse', () => {
    expectDecoded(
      '* LIST (\\HasNoChildren) "/" INBOX\r\n' +
        '* LIST (\\Noselect \\HasChildren) "/" "[Gmail]"\r\n' +
        '* LIST (\\HasNoChildren \\All) "/" "[Gmail]/All Mail"\r\n' +
        '* LIST (\\HasNoChildren \\Sent \\Archive) "/" "[Gmail]/Sent Mail"\r\n',
      [
        list(['\\HasNoChildren'], '/', 'INBOX'),
        list(['\\Noselect', '\\HasChildren'], '/', '[Gmail]'),
        list(['\\HasNoChildren', '\\All'], '/', '[Gmail]/All Mail', { specialUse: ['\\All'] }),
        list(['\\HasNoChildren', '\\Sent', '\\Archive'], '/', '[Gmail]/Sent Mail', {
          specialUse: ['\\Sent', '\\Archive'],
        }),
      ],
    );
  });

  test('special-use attributes in another case come out in the RFC spelling; flags stay as sent', () => {
    expectOne('* LIST (\\sent) "/" Sent\r\n', list(['\\sent'], '/', 'Sent', { specialUse: ['\\Sent'] }));
  });

  test('Dovecot 2.3.19 NOTIFY: OLDNAME after a RENAME (quoted tag, atom name)', () => {
    expectDecoded(
      '* LIST () "/" Notify-Renamed ("OLDNAME" (Notify-Test))\r\n' +
        '* LIST (\\NonExistent) "/" Notify-New\r\n',
      [
        list([], '/', 'Notify-Renamed', { oldName: 'Notify-Test', oldNameRaw: bytes('Notify-Test') }),
        list(['\\NonExistent'], '/', 'Notify-New'),
      ],
    );
  });

  test('OLDNAME with a quoted, modified UTF-7 old name (RFC 9051 §6.3.6 shape)', () => {
    expectOne(
      '* LIST () "/" "New" ("OLDNAME" ("Re&AOc-us"))\r\n',
      list([], '/', 'New', { oldName: 'Reçus', oldNameRaw: bytes('Re&AOc-us') }),
    );
  });

  test('Dovecot 2.3.19 LIST (SUBSCRIBED RECURSIVEMATCH): CHILDINFO as an atom tag', () => {
    expectOne(
      '* LIST (\\Subscribed \\HasChildren) "/" Archive (CHILDINFO ("SUBSCRIBED"))\r\n',
      list(['\\Subscribed', '\\HasChildren'], '/', 'Archive', { childInfo: ['SUBSCRIBED'] }),
    );
  });

  test('Dovecot 2.3.19: modified UTF-7 names, atom and quoted', () => {
    expectDecoded(
      '* LIST (\\HasNoChildren) "/" &BB8EQAQ4BDIENQRC-\r\n' +
        '* LIST (\\HasNoChildren) "/" "Re&AOc-us &- Factures"\r\n' +
        '* LSUB () "/" "Emoji &2D3c7A-"\r\n',
      [
        list(['\\HasNoChildren'], '/', 'Привет', {}, '&BB8EQAQ4BDIENQRC-'),
        list(['\\HasNoChildren'], '/', 'Reçus & Factures', {}, 'Re&AOc-us &- Factures'),
        list([], '/', 'Emoji 📬', {}, 'Emoji &2D3c7A-', 'lsub'),
      ],
    );
  });

  test('Dovecot 2.3.19 NOTIFY sends names as UTF-8 literals though UTF8=ACCEPT is not enabled', () => {
    // Captured on 127.0.0.1: B renamed h11-a to "h11-Gr&APwA3w-e" and created "h11-&ZeVnLIqe-".
    expectDecoded(
      latin1(
        '* LIST () "/" {11}\r\nh11-Gr\xc3\xbc\xc3\x9fe ("OLDNAME" (h11-a))\r\n' +
          '* LIST (\\NonExistent) "/" {13}\r\nh11-\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\r\n',
      ),
      [
        list([], '/', 'h11-Grüße', { oldName: 'h11-a', oldNameRaw: bytes('h11-a') }),
        list(['\\NonExistent'], '/', 'h11-日本語'),
      ],
    );
  });

  test('a UTF-8 name (UTF8=ACCEPT) reads as UTF-8', () => {
    expectOne('* LIST () "/" "Reçus"\r\n', list([], '/', 'Reçus'));
  });

  test('NIL delimiter (uw-imap, seznam.cz, emailjs-imap-client #27 "SEINE" server)', () => {
    expectOne('* LIST (\\NoInferiors) NIL "INBOX"\r\n', list(['\\NoInferiors'], null, 'INBOX'));
  });

  test('an escaped "\\" delimiter, and a UTF-8 one', () => {
    expectDecoded('* LIST () "\\\\" "a\\\\b"\r\n* LIST () "·" "a·b"\r\n', [
      list([], '\\', 'a\\b'),
      list([], '·', 'a·b'),
    ]);
  });

  test('Yahoo: "Inbox" quoted is INBOX; flag-extension \\Inbox is kept', () => {
    expectOne(
      '* LIST (\\Inbox \\HasNoChildren) "/" "Inbox"\r\n',
      list(['\\Inbox', '\\HasNoChildren'], '/', 'INBOX', {}, 'Inbox'),
    );
  });

  test('names that look like sequence sets, numbers or NIL are names (MailKit #482, vandelay #26)', () => {
    expectDecoded(
      '* LIST () "/" 2024:Q1\r\n* LIST () "/" 12:30\r\n* LIST () "/" 200\r\n* LIST (\\HasNoChildren) "/" NIL\r\n',
      [
        list([], '/', '2024:Q1'),
        list([], '/', '12:30'),
        list([], '/', '200'),
        list(['\\HasNoChildren'], '/', 'NIL'),
      ],
    );
  });

  test('a name as a literal (RFC 9051: mailbox = astring)', () => {
    expectOne('* LIST () "/" {7}\r\nfoo bar\r\n', list([], '/', 'foo bar'));
  });

  test('unknown extended items kept as a value tree (strings, byte strings, lists)', () => {
    expectOne(
      '* LIST () "/" foo ("X-FOO" (1 "a b" (c ())) X-BAR 12:30 "X-STR" "v")\r\n',
      list([], '/', 'foo', {
        extended: [
          { tag: 'X-FOO', value: ['1', bytes('a b'), ['c', []]] },
          { tag: 'X-BAR', value: '12:30' },
          { tag: 'X-STR', value: bytes('v') },
        ],
      }),
    );
  });

  test('an empty extended-item list', () => {
    expectOne('* LIST () "/" foo ()\r\n', list([], '/', 'foo'));
  });

  test('XLIST (Gmail, before SPECIAL-USE)', () => {
    expectOne(
      '* XLIST (\\HasNoChildren \\Inbox) "/" "Inbox"\r\n',
      list(['\\HasNoChildren', '\\Inbox'], '/', 'INBOX', {}, 'Inbox', 'xlist'),
    );
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('a flag without "\\"', () => {
    expectRefused('* LIST (Noselect) "/" foo\r\n', 'SYNTAX', 8);
  });
  test('"\\*" is not a mailbox attribute', () => {
    expectRefused('* LIST (\\*) "/" foo\r\n', 'SYNTAX', 8);
  });
  test('an unquoted delimiter', () => {
    expectRefused('* LIST () / foo\r\n', 'SYNTAX', 10);
  });
  test('a two-character delimiter', () => {
    expectRefused('* LIST () "//" foo\r\n', 'SYNTAX', 11);
  });
  test('an empty delimiter (quirk emptyDelimiter, refused in strict mode)', () => {
    expectRefused('* LIST () "" foo\r\n', 'STRICT', 10, { strict: true });
  });
  test('no name', () => {
    expectRefused('* LIST () "/"\r\n', 'SYNTAX', 13);
  });
  test('CHILDINFO with an unquoted option (RFC 5258 list-select-base-opt-quoted)', () => {
    expectRefused('* LIST () "/" foo (CHILDINFO (SUBSCRIBED))\r\n', 'SYNTAX', 30);
  });
  test('an OLDNAME without its parentheses', () => {
    expectRefused('* LIST () "/" foo ("OLDNAME" bar)\r\n', 'SYNTAX', 29);
  });
  test('an unclosed extended item list', () => {
    expectRefused('* LIST () "/" foo ("X" (a b)\r\n', 'SYNTAX', 28);
  });
  test('deep nesting in an extended item: DEPTH_EXCEEDED, no stack overflow', () => {
    const deep = `* LIST () "/" foo ("X" ${'('.repeat(100_000)}${')'.repeat(100_000)})\r\n`;
    // The run starts at 23 at depth 2 (the item list is depth 1); the default limit is 256.
    expectRefused(deep, 'DEPTH_EXCEEDED', 23 + 255);
  });
});
