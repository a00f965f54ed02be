/**
 * The command parser: every known-answer line reads back as its typed command; RFC lines in the
 * forms the encoder does not write (quoted atoms, lower case, literals) read as the same values;
 * malformed commands fail with the right code at the right offset.
 */
import { describe, expect, test } from 'vitest';
import { parseCommand } from '../../src/command/parse.ts';
import { encodeCommand } from '../../src/encoder/command.ts';
import { ImapParseError } from '../../src/errors.ts';
import type { Command } from '../../src/model/command.ts';
import { EXTENSION_CASES, EXTENSION_CASES_2, RFC3501_CASES } from './cases.ts';
import { bytes, canon, expected, utf8, wire } from './helpers.ts';

const parse = (line: string, o: { utf8?: boolean } = {}) => parseCommand(bytes(line), o);

describe('known answers read back', () => {
  test.each([...RFC3501_CASES, ...EXTENSION_CASES, ...EXTENSION_CASES_2])('%s', (_, cmd, line) => {
    const r = parse(line);
    expect(r.tag).toBe(line.slice(0, line.indexOf(' ')));
    expect(canon(r.command)).toEqual(canon(expected(cmd)));
  });
});

describe('RFC lines as printed, in forms the encoder does not write', () => {
  const cases: [string, string, Command, { utf8?: boolean }?][] = [
    [
      'RFC 3501 §6.3.9 quoted atoms',
      'A002 LSUB "#news." "comp.mail.*"\r\n',
      { name: 'LSUB', reference: '#news.', pattern: 'comp.mail.*' },
    ],
    ['RFC 5258 §5.1', 'A01 LIST "" "*"\r\n', { name: 'LIST', reference: '', pattern: '*' }],
    [
      'RFC 5258 §5.8 options in any order',
      'D03 LIST (RECURSIVEMATCH SUBSCRIBED) "" "*"\r\n',
      { name: 'LIST', selection: ['RECURSIVEMATCH', 'SUBSCRIBED'], reference: '', pattern: '*' },
    ],
    [
      'RFC 5464 §4.2 quoted INBOX',
      'a GETMETADATA "INBOX" /private/comment\r\n',
      { name: 'GETMETADATA', mailbox: 'INBOX', entries: '/private/comment' },
    ],
    [
      'RFC 5256 §3 upper-case month',
      'A283 THREAD ORDEREDSUBJECT UTF-8 SINCE 5-MAR-2000\r\n',
      {
        name: 'THREAD',
        algorithm: 'ORDEREDSUBJECT',
        charset: 'UTF-8',
        criteria: [{ key: 'SINCE', date: '2000-03-05' }],
      },
    ],
    [
      'RFC 3501 §7.5 literals',
      'A001 LOGIN {11}\r\nFRED FOOBAR {7}\r\nfat man\r\n',
      { name: 'LOGIN', username: 'FRED FOOBAR', password: 'fat man' },
    ],
    ['RFC 4978 lower case', 'c compress deflate\r\n', { name: 'COMPRESS', mechanism: 'DEFLATE' }],
    [
      'RFC 4978 lower case login',
      'b login arnt tnra\r\n',
      { name: 'LOGIN', username: 'arnt', password: 'tnra' },
    ],
    [
      'quoted date',
      'a SEARCH BEFORE "1-Feb-1994"\r\n',
      { name: 'SEARCH', criteria: [{ key: 'BEFORE', date: '1994-02-01' }] },
    ],
    [
      'bare flags',
      'A004 STORE 1 -FLAGS \\Seen \\Flagged\r\n',
      { name: 'STORE', sequence: '1', operation: 'remove', flags: ['\\Seen', '\\Flagged'] },
    ],
    [
      'lower-case FETCH item',
      'a fetch 1 body.peek[header.fields (from to)]<0.100>\r\n',
      {
        name: 'FETCH',
        sequence: '1',
        items: {
          item: 'BODY[]',
          peek: true,
          section: { text: 'HEADER.FIELDS', fields: ['from', 'to'] },
          partial: { origin: 0, count: 100 },
        },
      },
    ],
    [
      'RFC 5465 §5 lower case',
      'a notify set (mailboxes INBOX (Messagenew messageExpunge)) (personal (SubscriptionChange))\r\n',
      {
        name: 'NOTIFY',
        groups: [
          { filter: 'mailboxes', mailboxes: ['INBOX'], events: ['MessageNew', 'MessageExpunge'] },
          { filter: 'personal', events: ['SubscriptionChange'] },
        ],
      },
    ],
    [
      'RFC 3502 space-padded day',
      'A003 APPEND saved-messages (\\Seen) " 7-Feb-1994 22:43:04 -0800" {2}\r\nhi\r\n',
      {
        name: 'APPEND',
        mailbox: 'saved-messages',
        messages: [{ flags: ['\\Seen'], date: '1994-02-07T22:43:04-08:00', content: 'hi' }],
      },
    ],
    [
      '2-digit day',
      'A APPEND x "01-Jan-2024 10:00:00 +0100" {0}\r\n\r\n',
      { name: 'APPEND', mailbox: 'x', messages: [{ date: '2024-01-01T10:00:00+01:00', content: '' }] },
    ],
    [
      'RFC 3501 §5.1.3 modified UTF-7',
      'A SELECT ~peter/mail/&U,BTFw-/&ZeVnLIqe-\r\n',
      { name: 'SELECT', mailbox: '~peter/mail/台北/日本語' },
    ],
    ['invalid modified UTF-7 stays bytes', 'A SELECT &Jjo\r\n', { name: 'SELECT', mailbox: bytes('&Jjo') }],
    ['any case of INBOX', 'A SELECT iNbOx\r\n', { name: 'SELECT', mailbox: 'INBOX' }],
    [
      'UTF-8 after UTF8=ACCEPT',
      `A SELECT "${String.fromCharCode(...utf8('台北'))}"\r\n`,
      { name: 'SELECT', mailbox: '台北' },
      { utf8: true },
    ],
    [
      '"&" is itself in UTF-8 mode',
      'A SELECT &U,BTFw-\r\n',
      { name: 'SELECT', mailbox: '&U,BTFw-' },
      { utf8: true },
    ],
    [
      'SASL-IR "="',
      'A01 AUTHENTICATE EXTERNAL =\r\n',
      { name: 'AUTHENTICATE', mechanism: 'EXTERNAL', initialResponse: new Uint8Array(0) },
    ],
    [
      'literal8 metadata value',
      'a SETMETADATA x (/a ~{3}\r\na\0b)\r\n',
      { name: 'SETMETADATA', mailbox: 'x', entries: [{ entry: '/a', value: bytes('a\0b') }] },
    ],
  ];
  test.each(cases)('%s', (_, line, cmd, o) => {
    const r = parse(line, o);
    expect(canon(r.command)).toEqual(canon(cmd));
    // …and the encoder's form of that value reads back the same.
    const again = parseCommand(
      bytes(
        wire(
          encodeCommand(r.command, {
            tag: 'X',
            capabilities: ['BINARY'],
            enabled: o?.utf8 ? ['UTF8=ACCEPT'] : [],
          }),
        ),
      ),
      o,
    );
    expect(canon(again.command)).toEqual(canon(r.command));
  });
});

describe('malformed commands', () => {
  const cases: [string, string, number?][] = [
    ['a FROB\r\n', 'SYNTAX', 2],
    ['a LOGIN user\r\n', 'SYNTAX', 12],
    ['a NOOP extra\r\n', 'SYNTAX', 6],
    ['a  NOOP\r\n', 'SYNTAX', 2],
    ['+ NOOP\r\n', 'SYNTAX', 0],
    ['* NOOP\r\n', 'SYNTAX', 0],
    ['a FETCH 0:3 FLAGS\r\n', 'SYNTAX', 8],
    ['a FETCH 4294967296 FLAGS\r\n', 'NUMBER_RANGE', 8],
    ['a FETCH 1 (FLAGS) (CHANGEDSINCE 5 VANISHED)\r\n', 'SYNTAX'],
    ['a UID FETCH 1 (FLAGS) (VANISHED)\r\n', 'SYNTAX'],
    ['a FETCH 1 BODY[MIME]\r\n', 'SYNTAX'],
    ['a FETCH 1 BODY[0]\r\n', 'SYNTAX'],
    ['a FETCH 1 (FLAGS\r\n', 'SYNTAX'],
    ['a FETCH 1 BODY[]<5>\r\n', 'SYNTAX'],
    ['a SEARCH FROB\r\n', 'SYNTAX', 9],
    ['a SEARCH SINCE 1-Foo-2020\r\n', 'SYNTAX'],
    ['a SEARCH SINCE 30-Feb-2020\r\n', 'SYNTAX'],
    ['a SEARCH KEYWORD \\Seen\r\n', 'SYNTAX'],
    ['a SEARCH MODSEQ 9223372036854775808\r\n', 'NUMBER_RANGE'],
    ['a STORE 1 FLAGS (\\*)\r\n', 'SYNTAX'],
    ['a STORE 1 TOGGLE (\\Seen)\r\n', 'SYNTAX'],
    ['a LOGIN "a\rb" c\r\n', 'SYNTAX', 10],
    ['a LOGIN a\nb c\r\n', 'SYNTAX'],
    ['a LOGIN ~{3}\r\nabc x\r\n', 'SYNTAX'],
    ['a LOGIN {10}\r\nabc', 'TRUNCATED'],
    ['a APPEND x {3}\r\na\0b\r\n', 'SYNTAX'],
    ['a APPEND x (\\Seen)\r\n', 'SYNTAX'],
    ['a SELECT INBOX (FOO)\r\n', 'SYNTAX'],
    ['a SELECT x (QRESYNC (1 2 1:*))\r\n', 'SYNTAX'],
    ['a UID FROB 1\r\n', 'SYNTAX'],
    ['a UID NOOP\r\n', 'SYNTAX'],
    ['a AUTHENTICATE PLAIN not!b64\r\n', 'SYNTAX'],
    ['a AUTHENTICATE PLAIN abc\r\n', 'SYNTAX'],
    ['a STATUS INBOX ()\r\n', 'SYNTAX'],
    ['a LIST () "" * RETURN (STATUS ())\r\n', 'SYNTAX'],
    ['a NOTIFY SET\r\n', 'SYNTAX'],
    ['a NOTIFY SET (subtree (MessageNew))\r\n', 'SYNTAX'],
    ['a COMPRESS GZIP\r\n', 'SYNTAX'],
    ['a NOOP\r\nb NOOP\r\n', 'SYNTAX'],
    ['', 'TRUNCATED'],
    [`a SEARCH ${'('.repeat(200)}ALL${')'.repeat(200)}\r\n`, 'DEPTH_EXCEEDED'],
    [`a SEARCH ${'NOT '.repeat(200)}ALL\r\n`, 'DEPTH_EXCEEDED'],
    [`a SEARCH ${'OR ALL '.repeat(5000)}ALL\r\n`, 'DEPTH_EXCEEDED'],
  ];
  test.each(cases)('%j → %s', (line, code, offset) => {
    try {
      parse(line);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImapParseError);
      expect((e as ImapParseError).code).toBe(code);
      if (offset !== undefined) expect((e as ImapParseError).offset).toBe(offset);
    }
  });

  test('an error offset counts literal bytes (the excerpt shows them back in place)', () => {
    try {
      parse('a LOGIN {3}\r\nabc (x\r\n');
      expect.unreachable();
    } catch (e) {
      expect((e as ImapParseError).offset).toBe(17);
      expect((e as ImapParseError).excerpt).toContain('abc ');
    }
  });

  test('nesting the encoder writes is within the parser default', () => {
    let key: object = { key: 'ALL' };
    for (let i = 0; i < 100; i++) key = { key: 'NOT', operand: key };
    const w = wire(encodeCommand({ name: 'SEARCH', criteria: [key as never] }, { tag: 'a' }));
    expect(parse(w).command.name).toBe('SEARCH');
  });
});
