/** String forms (atom / quoted / literal), literal modes, UTF-8, mailbox names and toBytes. */
import { describe, expect, test } from 'vitest';
import { isSyncLiteral, toBytes } from '../../src/encoder/fragment.ts';
import { resolveContext } from '../../src/encoder/options.ts';
import { QUOTED_MAX, stringForm } from '../../src/encoder/writer.ts';
import { ASTRING_CHAR } from '../../src/lexer/chars.ts';
import type { Command } from '../../src/model/command.ts';
import { bytes, code, enc, expectWire, latin1, shape, utf8, wire } from './helpers.ts';

const plain = resolveContext({});
const utf8On = resolveContext({ enabled: ['UTF8=ACCEPT'] });

describe('stringForm', () => {
  test.each([
    ['INBOX', plain, 'atom'],
    ['a]b', plain, 'atom'],
    ['NIL', plain, 'quoted'],
    ['nil', plain, 'quoted'],
    ['', plain, 'quoted'],
    ['a b', plain, 'quoted'],
    ['a"b\\c', plain, 'quoted'],
    ['a(b', plain, 'quoted'],
    ['a{5}', plain, 'quoted'],
    ['%', plain, 'quoted'],
    ['tab\there', plain, 'literal'],
    ['del\x7f', plain, 'literal'],
    ['cr\r', plain, 'literal'],
    ['lf\n', plain, 'literal'],
    ['nul\0', plain, 'literal'],
    ['caf\xc3\xa9', plain, 'literal'],
    ['caf\xc3\xa9', utf8On, 'quoted'],
    ['bad \xc3(', utf8On, 'literal'],
    ['overlong \xc0\xaf', utf8On, 'literal'],
    ['surrogate \xed\xa0\x80', utf8On, 'literal'],
    ['emoji \xf0\x9f\x98\x80', utf8On, 'quoted'],
  ] as const)('%j → %s', (text, ctx, form) => {
    expect(stringForm(bytes(text), ctx, ASTRING_CHAR)).toBe(form);
  });

  test(`values over ${QUOTED_MAX} bytes go as literals, atoms stay atoms`, () => {
    expect(stringForm(bytes('a '.repeat(QUOTED_MAX)), plain, ASTRING_CHAR)).toBe('literal');
    expect(stringForm(bytes('a'.repeat(QUOTED_MAX + 1)), plain, ASTRING_CHAR)).toBe('atom');
    expect(stringForm(bytes('a'.repeat(QUOTED_MAX + 1)), plain, null)).toBe('literal');
  });
});

describe('astring, string, quoted escapes', () => {
  test('quoted strings escape " and \\ and nothing else', () => {
    expectWire({ name: 'LOGIN', username: 'a"b', password: 'c\\d e' }, 'A1 LOGIN "a\\"b" "c\\\\d e"\r\n');
  });

  test('NIL is quoted where an astring stands, and NIL where nstring means nil', () => {
    expectWire({ name: 'LOGIN', username: 'NIL', password: 'nil' }, 'A1 LOGIN "NIL" "nil"\r\n');
    expectWire(
      {
        name: 'ID',
        parameters: [
          { field: 'os', value: null },
          { field: 'x', value: 'NIL' },
        ],
      },
      'A1 ID ("os" NIL "x" "NIL")\r\n',
    );
  });

  test('8-bit text: a literal, or quoted UTF-8 once UTF8=ACCEPT is enabled (not merely advertised)', () => {
    const cmd = { name: 'LOGIN', username: 'jörg', password: 'x' } as const;
    expect(shape(enc(cmd))).toEqual(['line', 'literal:sync:5', 'line']);
    expect(shape(enc(cmd, { capabilities: ['UTF8=ACCEPT'] }))).toEqual(['line', 'literal:sync:5', 'line']);
    // IMAP4rev2 advertised brings LITERAL- (RFC 9051 §4.3), not UTF-8.
    expect(shape(enc(cmd, { capabilities: ['IMAP4rev2'] }))).toEqual(['line', 'literal:nonsync:5', 'line']);
    expect(latin1(enc(cmd, { enabled: ['UTF8=ACCEPT'] })[0]!.bytes)).toBe('A1 LOGIN "j\xc3\xb6rg" x\r\n');
    expect(latin1(enc(cmd, { enabled: ['imap4rev2'] })[0]!.bytes)).toBe('A1 LOGIN "j\xc3\xb6rg" x\r\n');
  });

  test('bytes are sent as given; a lone surrogate in text is refused', () => {
    expectWire(
      { name: 'LOGIN', username: bytes('\xff\xfe'), password: 'x' },
      'A1 LOGIN {2}\r\n\xff\xfe x\r\n',
    );
    expect(code(() => enc({ name: 'LOGIN', username: 'a\ud800b', password: 'x' }))).toBe(
      'INVALID_UNICODE username',
    );
    expect(code(() => enc({ name: 'LOGIN', username: 'x', password: '\udc00' }))).toBe(
      'INVALID_UNICODE password',
    );
    // A proper pair is fine.
    expect(shape(enc({ name: 'LOGIN', username: 'x', password: '😀' }))).toEqual([
      'line',
      'literal:sync:4',
      'line',
    ]);
  });

  test('NUL can only travel in literal8, and only where the grammar has one', () => {
    expect(code(() => enc({ name: 'LOGIN', username: 'a\0b', password: 'x' }))).toBe(
      'NUL_IN_STRING username',
    );
    expect(
      code(() =>
        enc({ name: 'SEARCH', criteria: [{ key: 'BODY', value: '\0' }] }, { capabilities: ['BINARY'] }),
      ),
    ).toBe('NUL_IN_STRING criteria[0].value');
    expect(code(() => enc({ name: 'APPEND', mailbox: 'x', messages: [{ content: 'a\0' }] }))).toBe(
      'NUL_IN_STRING messages[0].content',
    );
    expect(
      shape(
        enc(
          { name: 'SETMETADATA', mailbox: 'x', entries: [{ entry: '/shared/b', value: 'a\0' }] },
          { capabilities: ['BINARY'] },
        ),
      ),
    ).toEqual(['line', 'literal:binary:2', 'line']);
    expect(
      code(() => enc({ name: 'SETMETADATA', mailbox: 'x', entries: [{ entry: '/shared/b', value: 'a\0' }] })),
    ).toBe('NUL_IN_STRING entries[0].value');
  });
});

describe('literal modes from the capabilities (RFC 7888, RFC 3516)', () => {
  const big = 'x\r\n'.repeat(2000); // 6000 bytes
  const small = 'x\r\n';
  const login = (p: string) => ({ name: 'LOGIN', username: 'u', password: p }) as const;
  test.each([
    [[], small, 'sync'],
    [['LITERAL+'], small, 'nonsync'],
    [['LITERAL+'], big, 'nonsync'],
    [['LITERAL-'], small, 'nonsync'],
    [['LITERAL-'], big, 'sync'],
    [['IMAP4rev2'], small, 'nonsync'],
    [['IMAP4rev2'], big, 'sync'],
    [['literal+'], small, 'nonsync'],
  ])('%j, %d bytes', (caps, value, mode) => {
    const f = enc(login(value), { capabilities: caps });
    expect(shape(f)).toEqual(['line', `literal:${mode}:${value.length}`, 'line']);
  });

  test('LITERAL- allows exactly 4096 bytes non-synchronising', () => {
    const at = (n: number) => shape(enc(login('\n'.repeat(n)), { capabilities: ['LITERAL-'] }))[1];
    expect(at(4096)).toBe('literal:nonsync:4096');
    expect(at(4097)).toBe('literal:sync:4097');
  });

  test('binary literals: ~{n}, ~{n+} with LITERAL+', () => {
    const append: Command = { name: 'APPEND', mailbox: 'x', messages: [{ content: 'abc', binary: true }] };
    expect(wire(enc(append, { capabilities: ['BINARY'] }))).toBe('A1 APPEND x ~{3}\r\nabc\r\n');
    expect(wire(enc(append, { capabilities: ['BINARY', 'LITERAL+'] }))).toBe('A1 APPEND x ~{3+}\r\nabc\r\n');
    expect(code(() => enc(append))).toBe('INVALID_ARGUMENT messages[0].content');
  });

  test('literal lengths are bytes, not characters', () => {
    const f = enc({ name: 'SEARCH', criteria: [{ key: 'SUBJECT', value: '😀é\n' }] });
    expect(wire(f)).toBe(`A1 SEARCH CHARSET UTF-8 SUBJECT {7}\r\n${latin1(utf8('😀é\n'))}\r\n`);
  });
});

describe('mailbox names', () => {
  test('modified UTF-7 by default, UTF-8 once enabled (RFC 3501 §5.1.3 example)', () => {
    expectWire(
      { name: 'SELECT', mailbox: '~peter/mail/台北/日本語' },
      'A1 SELECT ~peter/mail/&U,BTFw-/&ZeVnLIqe-\r\n',
    );
    const f = enc({ name: 'SELECT', mailbox: '~peter/mail/台北/日本語' }, { enabled: ['UTF8=ACCEPT'] });
    expect(wire(f)).toBe(`A1 SELECT "${latin1(utf8('~peter/mail/台北/日本語'))}"\r\n`);
  });

  test('"&" is "&-" in modified UTF-7 and itself in UTF-8', () => {
    expectWire({ name: 'CREATE', mailbox: 'Tom & Jerry' }, 'A1 CREATE "Tom &- Jerry"\r\n');
    expectWire({ name: 'CREATE', mailbox: 'Tom & Jerry' }, 'A1 CREATE "Tom & Jerry"\r\n', {
      enabled: ['UTF8=ACCEPT'],
    });
  });

  test('any case of INBOX is sent as INBOX; names below it keep their case', () => {
    for (const m of ['inbox', 'InBoX', 'INBOX', bytes('iNbOx')])
      expectWire({ name: 'SELECT', mailbox: m }, 'A1 SELECT INBOX\r\n');
    expectWire({ name: 'SELECT', mailbox: 'inbox/Sub' }, 'A1 SELECT inbox/Sub\r\n');
    expectWire({ name: 'SELECT', mailbox: 'INBOXES' }, 'A1 SELECT INBOXES\r\n');
    // A LIST pattern is not a name.
    expectWire({ name: 'LIST', reference: '', pattern: 'inbox' }, 'A1 LIST "" inbox\r\n');
  });

  test('control characters in a name go inside the base64, so they never reach the line', () => {
    expectWire({ name: 'DELETE', mailbox: 'a\r\nA2 LOGOUT' }, 'A1 DELETE "a&AA0ACg-A2 LOGOUT"\r\n');
  });

  test('bytes are sent as they are (a name a server listed, not valid modified UTF-7)', () => {
    expectWire({ name: 'SELECT', mailbox: bytes('&Jjo') }, 'A1 SELECT &Jjo\r\n');
    expectWire({ name: 'SELECT', mailbox: '&Jjo' }, 'A1 SELECT &-Jjo\r\n');
  });

  test('wildcards stand bare in a pattern but are quoted in a name', () => {
    expectWire({ name: 'LIST', reference: '%', pattern: '%' }, 'A1 LIST "%" %\r\n');
  });
});

describe('toBytes', () => {
  test('joins when no literal needs a "+"', () => {
    const f = enc({ name: 'LOGIN', username: 'u', password: 'a\nb' }, { capabilities: ['LITERAL+'] });
    expect(f.some(isSyncLiteral)).toBe(false);
    expect(latin1(toBytes(f))).toBe('A1 LOGIN u {3+}\r\na\nb\r\n');
  });

  test('refuses a synchronising literal with SYNC_LITERAL', () => {
    const f = enc({ name: 'LOGIN', username: 'u', password: 'a\nb' });
    expect(f.some(isSyncLiteral)).toBe(true);
    expect(code(() => toBytes(f))).toBe('SYNC_LITERAL ');
    const b = enc(
      { name: 'APPEND', mailbox: 'x', messages: [{ content: '\0' }] },
      { capabilities: ['BINARY'] },
    );
    expect(code(() => toBytes(b))).toBe('SYNC_LITERAL ');
  });
});
