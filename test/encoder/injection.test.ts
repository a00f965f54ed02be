/**
 * CR, LF and NUL in every string-valued field: each attempt becomes a literal (one command, as
 * a server's framer reads it) or a typed ImapEncodeError, never a second command.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { encodeCommand } from '../../src/encoder/command.ts';
import { ImapEncodeError } from '../../src/encoder/errors.ts';
import type { Command } from '../../src/model/command.ts';
import { expectSafe, serverView, wire } from './helpers.ts';

type Make = (s: string) => Command;

/** Fields that can hold any string (they become literals when they must). */
const STRING_FIELDS: [string, Make][] = [
  ['LOGIN username', (s) => ({ name: 'LOGIN', username: s, password: 'p' })],
  ['LOGIN password', (s) => ({ name: 'LOGIN', username: 'u', password: s })],
  ['AUTHENTICATE initialResponse', (s) => ({ name: 'AUTHENTICATE', mechanism: 'PLAIN', initialResponse: s })],
  ['ID field', (s) => ({ name: 'ID', parameters: [{ field: s, value: 'v' }] })],
  ['ID value', (s) => ({ name: 'ID', parameters: [{ field: 'f', value: s }] })],
  ['SELECT mailbox', (s) => ({ name: 'SELECT', mailbox: s })],
  ['EXAMINE mailbox', (s) => ({ name: 'EXAMINE', mailbox: s, condstore: true })],
  ['CREATE mailbox', (s) => ({ name: 'CREATE', mailbox: s })],
  ['DELETE mailbox', (s) => ({ name: 'DELETE', mailbox: s })],
  ['SUBSCRIBE mailbox', (s) => ({ name: 'SUBSCRIBE', mailbox: s })],
  ['UNSUBSCRIBE mailbox', (s) => ({ name: 'UNSUBSCRIBE', mailbox: s })],
  ['RENAME from', (s) => ({ name: 'RENAME', from: s, to: 'b' })],
  ['RENAME to', (s) => ({ name: 'RENAME', from: 'a', to: s })],
  ['LIST reference', (s) => ({ name: 'LIST', reference: s, pattern: '*' })],
  ['LIST pattern', (s) => ({ name: 'LIST', reference: '', pattern: s })],
  ['LIST patterns', (s) => ({ name: 'LIST', reference: '', pattern: ['a', s] })],
  ['LSUB reference', (s) => ({ name: 'LSUB', reference: s, pattern: '*' })],
  ['LSUB pattern', (s) => ({ name: 'LSUB', reference: '', pattern: s })],
  ['STATUS mailbox', (s) => ({ name: 'STATUS', mailbox: s, items: ['MESSAGES'] })],
  ['APPEND mailbox', (s) => ({ name: 'APPEND', mailbox: s, messages: [{ content: 'm' }] })],
  ['APPEND content', (s) => ({ name: 'APPEND', mailbox: 'INBOX', messages: [{ content: s }] })],
  ['COPY mailbox', (s) => ({ name: 'COPY', sequence: 1, mailbox: s })],
  ['MOVE mailbox', (s) => ({ name: 'MOVE', uid: true, sequence: 1, mailbox: s })],
  ['GETQUOTA root', (s) => ({ name: 'GETQUOTA', root: s })],
  ['GETQUOTAROOT mailbox', (s) => ({ name: 'GETQUOTAROOT', mailbox: s })],
  ['SETQUOTA root', (s) => ({ name: 'SETQUOTA', root: s, limits: [{ resource: 'STORAGE', limit: 1 }] })],
  ['GETMETADATA mailbox', (s) => ({ name: 'GETMETADATA', mailbox: s, entries: '/shared/x' })],
  [
    'SETMETADATA mailbox',
    (s) => ({ name: 'SETMETADATA', mailbox: s, entries: [{ entry: '/shared/x', value: 'v' }] }),
  ],
  [
    'SETMETADATA value',
    (s) => ({ name: 'SETMETADATA', mailbox: '', entries: [{ entry: '/shared/x', value: s }] }),
  ],
  [
    'NOTIFY mailboxes',
    (s) => ({
      name: 'NOTIFY',
      groups: [{ filter: 'mailboxes', mailboxes: [s, 'b'], events: ['MessageNew'] }],
    }),
  ],
  [
    'FETCH header field',
    (s) => ({
      name: 'FETCH',
      sequence: 1,
      items: [{ item: 'BODY[]', section: { text: 'HEADER.FIELDS', fields: [s] } }],
    }),
  ],
  ['STORE X-GM-LABELS', (s) => ({ name: 'STORE', sequence: 1, operation: 'add', labels: [s] })],
  ...(['BCC', 'BODY', 'CC', 'FROM', 'SUBJECT', 'TEXT', 'TO', 'X-GM-RAW'] as const).map(
    (key): [string, Make] => [`SEARCH ${key}`, (s) => ({ name: 'SEARCH', criteria: [{ key, value: s }] })],
  ),
  ['SEARCH HEADER field', (s) => ({ name: 'SEARCH', criteria: [{ key: 'HEADER', field: s, value: 'v' }] })],
  ['SEARCH HEADER value', (s) => ({ name: 'SEARCH', criteria: [{ key: 'HEADER', field: 'X-A', value: s }] })],
  ['SEARCH X-GM-LABELS', (s) => ({ name: 'SEARCH', criteria: [{ key: 'X-GM-LABELS', label: s }] })],
  [
    'SEARCH nested NOT/OR',
    (s) => ({
      name: 'SEARCH',
      criteria: [
        { key: 'OR', left: { key: 'NOT', operand: { key: 'TO', value: s } }, right: { key: 'ALL' } },
      ],
    }),
  ],
  [
    'SORT criteria',
    (s) => ({
      name: 'SORT',
      sort: [{ key: 'DATE' }],
      charset: 'UTF-8',
      criteria: [{ key: 'SUBJECT', value: s }],
    }),
  ],
  [
    'THREAD criteria',
    (s) => ({
      name: 'THREAD',
      algorithm: 'REFERENCES',
      charset: 'UTF-8',
      criteria: [{ key: 'FROM', value: s }],
    }),
  ],
];

/** Fields that are atoms (or flags, tags) by grammar: an attack is refused with this code. */
const ATOM_FIELDS: [string, Make, string][] = [
  ['AUTHENTICATE mechanism', (s) => ({ name: 'AUTHENTICATE', mechanism: s }), 'INVALID_ATOM'],
  ['ENABLE capability', (s) => ({ name: 'ENABLE', capabilities: [s] }), 'INVALID_ATOM'],
  ['CREATE special-use', (s) => ({ name: 'CREATE', mailbox: 'x', specialUse: [`\\${s}`] }), 'INVALID_ATOM'],
  [
    'APPEND flag',
    (s) => ({ name: 'APPEND', mailbox: 'x', messages: [{ flags: [s], content: 'm' }] }),
    'INVALID_FLAG',
  ],
  ['STORE flag', (s) => ({ name: 'STORE', sequence: 1, operation: 'add', flags: [s] }), 'INVALID_FLAG'],
  [
    'STORE system flag',
    (s) => ({ name: 'STORE', sequence: 1, operation: 'add', flags: [`\\${s}`] }),
    'INVALID_FLAG',
  ],
  ['SEARCH KEYWORD', (s) => ({ name: 'SEARCH', criteria: [{ key: 'KEYWORD', flag: s }] }), 'INVALID_FLAG'],
  ['SEARCH CHARSET', (s) => ({ name: 'SEARCH', charset: s, criteria: [{ key: 'ALL' }] }), 'INVALID_ATOM'],
  ['SEARCH EMAILID', (s) => ({ name: 'SEARCH', criteria: [{ key: 'EMAILID', id: s }] }), 'INVALID_ATOM'],
  [
    'SETQUOTA resource',
    (s) => ({ name: 'SETQUOTA', root: '', limits: [{ resource: s, limit: 1 }] }),
    'INVALID_ATOM',
  ],
  [
    'SORT charset',
    (s) => ({ name: 'SORT', sort: [{ key: 'DATE' }], charset: s, criteria: [{ key: 'ALL' }] }),
    'INVALID_ATOM',
  ],
  [
    'THREAD algorithm',
    (s) => ({ name: 'THREAD', algorithm: s, charset: 'UTF-8', criteria: [{ key: 'ALL' }] }),
    'INVALID_ATOM',
  ],
  [
    'THREAD charset',
    (s) => ({ name: 'THREAD', algorithm: 'REFERENCES', charset: s, criteria: [{ key: 'ALL' }] }),
    'INVALID_ATOM',
  ],
];

const ATTACKS = [
  'x\r\nA2 LOGOUT',
  'x\nA2 LOGOUT',
  'x\rA2 LOGOUT',
  'x\r\n',
  '\r\n',
  'x {5+}\r\nA2 LO',
  'x {5}',
  '"\r\nA2 LOGOUT\r\n"',
  '\\"\r\n',
  'x ~{3}\r\nabc',
];

function outcome(make: Make, s: string, caps: string[] = []): { error?: string; commands?: number } {
  let f: ReturnType<typeof encodeCommand>;
  try {
    f = encodeCommand(make(s), { tag: 'A1', capabilities: caps });
  } catch (e) {
    if (e instanceof ImapEncodeError) return { error: e.code };
    throw e;
  }
  expectSafe(f);
  const view = serverView(wire(f));
  expect(view.clean).toBe(true);
  return { commands: view.commands.length };
}

describe('string fields: CR/LF become literals, one command', () => {
  test.each(STRING_FIELDS)('%s', (_, make) => {
    for (const s of ATTACKS) expect(outcome(make, s)).toEqual({ commands: 1 });
    for (const s of ATTACKS) expect(outcome(make, s, ['LITERAL+', 'BINARY'])).toEqual({ commands: 1 });
  });

  test.each(STRING_FIELDS)('%s: a NUL is refused (NUL_IN_STRING) or goes in a literal8', (name, make) => {
    const r = outcome(make, 'a\0b');
    // Mailbox names go in modified UTF-7 (U+0000 is "&AAA-"); SASL responses in base64.
    const carried = /mailbox|MAILBOX|reference|pattern|from|to$|initialResponse|LABELS/.test(name);
    expect(r).toEqual(carried ? { commands: 1 } : { error: 'NUL_IN_STRING' });
  });

  test('with UTF8=ACCEPT enabled, mailbox names are UTF-8 strings: CR/LF → literal, NUL refused', () => {
    const make: Make = (s) => ({ name: 'SELECT', mailbox: s });
    for (const s of ATTACKS) {
      const f = encodeCommand(make(s), { tag: 'A1', enabled: ['UTF8=ACCEPT'] });
      expectSafe(f);
      expect(serverView(wire(f)).commands).toHaveLength(1);
    }
    expect(() => encodeCommand(make('a\0'), { tag: 'A1', enabled: ['UTF8=ACCEPT'] })).toThrow(
      /NUL_IN_STRING/,
    );
  });
});

describe('atom-only fields refuse CR, LF, NUL, SP and specials', () => {
  test.each(ATOM_FIELDS)('%s', (_, make, code) => {
    for (const s of [...ATTACKS, 'a\0b', 'a b', '', 'é', '(', ')', '{', '"', '%', '*', ']']) {
      const r = outcome(make, s);
      // "]" and "*"/"%"… are atom-specials; "é" is not 7-bit. Charsets may also be quoted.
      if (r.error === undefined) {
        expect(make.toString()).toMatch(/charset/);
        expect(s).toMatch(/^[\x20-\x7e]+$/);
      } else expect(r.error).toBe(s === '' && code === 'INVALID_FLAG' ? 'INVALID_FLAG' : code);
    }
  });

  test('SEARCH MODSEQ entry names are quoted strings only (RFC 7162 entry-flag-name)', () => {
    const make: Make = (v) => ({
      name: 'SEARCH',
      criteria: [{ key: 'MODSEQ', entry: { name: v, type: 'all' }, modseq: 1n }],
    });
    for (const v of [...ATTACKS, 'a\0b', 'é'].filter((a) => /[^\x20-\x7e]/.test(a))) {
      expect(outcome(make, v)).toEqual({ error: 'INVALID_ARGUMENT' });
    }
    expect(outcome(make, '/flags/\\draft "x"')).toEqual({ commands: 1 });
  });

  test('tags', () => {
    for (const s of ATTACKS) {
      expect(() => encodeCommand({ name: 'NOOP' }, { tag: s })).toThrow(/INVALID_TAG/);
    }
  });
});

/** Strings built from what breaks naive encoders. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\r',
      '\n',
      '\0',
      '{',
      '}',
      '+',
      '~',
      '"',
      '\\',
      ' ',
      '(',
      ')',
      '*',
      '%',
      '&',
      '-',
      ']',
      '5',
      '\t',
      '\x7f',
    ),
    fc.constantFrom('é', '😀', '台', '\u0080', '\uffff'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.constantFrom('{5+}', '{5}\r\n', '~{3}', 'A2 LOGOUT'),
  ),
  maxLength: 40,
});

describe('properties', () => {
  const makes = [...STRING_FIELDS, ...ATOM_FIELDS.map(([n, m]): [string, Make] => [n, m])];
  fcTest.prop([
    fc.constantFrom(...makes),
    hostile,
    fc.subarray(['LITERAL+', 'LITERAL-', 'BINARY']),
    fc.boolean(),
  ])(
    'any string in any field: one command whose literals are counted in bytes, or a typed error',
    ([, make], s, caps, utf8) => {
      let f: ReturnType<typeof encodeCommand>;
      try {
        f = encodeCommand(make(s), { tag: 'A1', capabilities: caps, enabled: utf8 ? ['UTF8=ACCEPT'] : [] });
      } catch (e) {
        expect(e).toBeInstanceOf(ImapEncodeError);
        return;
      }
      expectSafe(f);
      const view = serverView(wire(f));
      expect(view.clean).toBe(true);
      expect(view.commands).toHaveLength(1);
    },
  );
});
