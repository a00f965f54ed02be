/**
 * Lines are written into shared slabs and handed out as views (src/encoder/slab.ts): bytes once
 * handed out must never change, whatever is encoded after them (more commands, failing ones,
 * lines longer than a slab, an encode started from inside another); and the fast paths of the
 * writer give the same bytes as the general ones.
 */
import { fc } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { CommandEncoder, encodeCommand } from '../../src/encoder/command.ts';
import { type Fragment, toBytes } from '../../src/encoder/fragment.ts';
import { SLAB_SIZE } from '../../src/encoder/slab.ts';
import type { Command } from '../../src/model/command.ts';
import { command } from '../../src/testing/arbitrary-commands.ts';
import { code, latin1, wire } from './helpers.ts';

const fetchCmd = (uid: number): Command => ({
  name: 'FETCH',
  uid: true,
  sequence: [[uid, uid + 9], uid + 20],
  items: [
    { item: 'UID' },
    { item: 'BODY[]', peek: true, section: { part: [1, 2] }, partial: { origin: 0, count: 1024 } },
  ],
});

describe('handed-out bytes never change', () => {
  test('thousands of commands (several slabs), each line read back at the end', () => {
    const enc = new CommandEncoder({ capabilities: ['LITERAL+', 'BINARY'] });
    const cmds = fc.sample(command(true), { numRuns: 3000, seed: 7 });
    const kept: [Fragment[], string][] = [];
    for (const c of cmds) {
      const { fragments } = enc.encode(c);
      kept.push([fragments, wire(fragments)]);
    }
    const total = kept.reduce((n, [, s]) => n + s.length, 0);
    expect(total).toBeGreaterThan(4 * SLAB_SIZE);
    for (const [fragments, text] of kept) expect(wire(fragments)).toBe(text);
  });

  test('a command that fails part-way leaves earlier bytes alone and the next command whole', () => {
    const enc = new CommandEncoder();
    const first = enc.encode(fetchCmd(100)).fragments;
    const text = wire(first);
    const bad = { ...fetchCmd(200), items: [{ item: 'UID' }, { item: 'BODY[]', section: { part: [0] } }] };
    expect(code(() => enc.encode(bad as Command))).toBe('INVALID_NUMBER items[1].section.part[0]');
    // A failure after a literal was announced (two lines written, none handed out).
    const login = { name: 'LOGIN', username: 'a\r\nb', password: 5 } as unknown as Command;
    expect(code(() => enc.encode(login))).toBe('INVALID_ARGUMENT password');
    const next = enc.encode(fetchCmd(300)).fragments;
    expect(wire(first)).toBe(text);
    expect(wire(next)).toBe('A4 UID FETCH 300:309,320 (UID BODY.PEEK[1.2]<0.1024>)\r\n');
  });

  test('a line longer than a slab, then short ones', () => {
    const uids = Array.from({ length: 6000 }, (_, i) => 2 * i + 1);
    const long: Command = { name: 'SEARCH', uid: true, criteria: [{ key: 'UID', set: uids }] };
    const a = encodeCommand(long, { tag: 'A1' });
    const b = encodeCommand(fetchCmd(5), { tag: 'A2' });
    const text = latin1(a[0]!.bytes);
    expect(text.length).toBeGreaterThan(SLAB_SIZE);
    expect(text).toBe(`A1 UID SEARCH UID ${uids.join(',')}\r\n`);
    for (let i = 0; i < 200; i++) encodeCommand(long, { tag: 'A3' });
    expect(latin1(a[0]!.bytes)).toBe(text);
    expect(wire(b)).toBe('A2 UID FETCH 5:14,25 (UID BODY.PEEK[1.2]<0.1024>)\r\n');
  });

  test('an encode started while another one writes (a getter) gets its own buffer', () => {
    let inner: Fragment[] = [];
    const cmd = {
      name: 'STORE',
      uid: true,
      sequence: '1:5',
      operation: 'add',
      get flags() {
        inner = encodeCommand(fetchCmd(42), { tag: 'B1' });
        return ['\\Seen'];
      },
    } as unknown as Command;
    const outer = encodeCommand(cmd, { tag: 'A1' });
    for (let i = 0; i < 500; i++) encodeCommand(fetchCmd(i + 1), { tag: 'C1' });
    expect(wire(outer)).toBe('A1 UID STORE 1:5 +FLAGS (\\Seen)\r\n');
    expect(wire(inner)).toBe('B1 UID FETCH 42:51,62 (UID BODY.PEEK[1.2]<0.1024>)\r\n');
  });

  test('toBytes: one line is that line; several fragments are joined into fresh bytes', () => {
    const one = encodeCommand({ name: 'NOOP' }, { tag: 'A1' });
    expect(toBytes(one)).toBe(one[0]!.bytes);
    const content = new TextEncoder().encode('Subject: x\r\n\r\nhi\r\n');
    const three = encodeCommand(
      { name: 'APPEND', mailbox: 'Sent', messages: [{ content }] },
      { tag: 'A2', capabilities: ['LITERAL+'] },
    );
    const joined = toBytes(three);
    for (let i = 0; i < 300; i++)
      toBytes(
        encodeCommand(
          { name: 'APPEND', mailbox: 'x', messages: [{ content }] },
          { tag: 'A3', capabilities: ['LITERAL+'] },
        ),
      );
    expect(latin1(joined)).toBe(`A2 APPEND Sent {${content.length}+}\r\n${latin1(content)}\r\n`);
  });
});

describe('fast paths write what the general ones do', () => {
  test.each([
    [0, '0'],
    [9, '9'],
    [10, '10'],
    [2 ** 31 - 1, '2147483647'],
    [2 ** 31, '2147483648'],
    [2 ** 32 - 1, '4294967295'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [2n ** 53n, '9007199254740992'],
    [2n ** 53n + 1n, '9007199254740993'],
    [2n ** 63n - 1n, '9223372036854775807'],
  ])('MODSEQ %s', (v, text) => {
    const f = encodeCommand(
      { name: 'SEARCH', criteria: [{ key: 'MODSEQ', modseq: v as bigint }] },
      { tag: 'A1' },
    );
    expect(wire(f)).toBe(`A1 SEARCH MODSEQ ${text}\r\n`);
  });

  test.each([
    ['INBOX', 'INBOX'],
    ['inbox', 'INBOX'],
    ['InBoX', 'INBOX'],
    ['Sent Items', '"Sent Items"'],
    ['Tom & Jerry', '"Tom &- Jerry"'],
    ['NIL', '"NIL"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['', '""'],
  ])('mailbox %j', (mailbox, text) => {
    expect(wire(encodeCommand({ name: 'SELECT', mailbox }, { tag: 'A1' }))).toBe(`A1 SELECT ${text}\r\n`);
  });
});

describe('one-pass writers: what they wrote before refusing is never handed out', () => {
  test.each([
    ['1:5,7', '1:5,7'],
    ['4:2', '4:2'],
    ['*', '*'],
    ['1:*', '1:*'],
    ['$', '$'],
  ])('sequence text %j', (sequence, text) => {
    const f = encodeCommand({ name: 'FETCH', sequence, items: 'FAST' }, { tag: 'A1' });
    expect(wire(f)).toBe(`A1 FETCH ${text} FAST\r\n`);
  });

  test('a sequence set refused after its valid prefix was written, then a whole command', () => {
    const enc = new CommandEncoder();
    expect(code(() => enc.encode({ name: 'FETCH', sequence: '1:5,7:0', items: 'FAST' }))).toBe(
      'INVALID_SEQUENCE_SET sequence',
    );
    expect(code(() => enc.encode({ name: 'FETCH', sequence: '100,200:300:4', items: 'FAST' }))).toBe(
      'INVALID_SEQUENCE_SET sequence',
    );
    expect(wire(enc.encode({ name: 'FETCH', sequence: '9', items: 'FAST' }).fragments)).toBe(
      'A3 FETCH 9 FAST\r\n',
    );
  });

  test.each([
    [['\\Seen', '$Junk'], '(\\Seen $Junk)'],
    [['\\seen', '$junk', '\\Answered', '$NotJunk'], '(\\seen $junk \\Answered $NotJunk)'],
    [['\\Custom', 'Keyword'], '(\\Custom Keyword)'],
  ])('flags %j (interned and not)', (flags, text) => {
    const f = encodeCommand({ name: 'STORE', sequence: '1', operation: 'replace', flags }, { tag: 'A1' });
    expect(wire(f)).toBe(`A1 STORE 1 FLAGS ${text}\r\n`);
  });

  test.each([
    [['From', 'X-Spam'], '(From X-Spam)'],
    [['NIL', 'nil'], '("NIL" "nil")'],
    [['a b', 'c"d', 'e\\f', ''], '("a b" "c\\"d" "e\\\\f" "")'],
  ])('header field names %j', (fields, text) => {
    const f = encodeCommand(
      {
        name: 'FETCH',
        sequence: '1',
        items: [{ item: 'BODY[]', section: { text: 'HEADER.FIELDS', fields } }],
      },
      { tag: 'A1' },
    );
    expect(wire(f)).toBe(`A1 FETCH 1 (BODY[HEADER.FIELDS ${text}])\r\n`);
  });

  test('search strings: quoted in one pass, with escapes in two', () => {
    const f = encodeCommand(
      {
        name: 'SEARCH',
        criteria: [
          { key: 'FROM', value: 'smith' },
          { key: 'SUBJECT', value: 'say "hi"' },
          { key: 'TEXT', value: '' },
        ],
      },
      { tag: 'A1' },
    );
    expect(wire(f)).toBe('A1 SEARCH FROM "smith" SUBJECT "say \\"hi\\"" TEXT ""\r\n');
  });
});

/** `items` with a hole (never assigned, not `undefined`) at index `at`. */
function holey(items: unknown[], at: number): unknown[] {
  const a = new Array(items.length + 1);
  items.forEach((v, i) => {
    a[i < at ? i : i + 1] = v;
  });
  return a;
}

describe('holes in sparse arrays are errors, not empty items', () => {
  // Before, `forEach` and `map` skipped the hole: `FETCH ,5`, `( \Seen)`, `SEARCH  ALL`, `BODY[.1]`.
  test.each([
    [{ name: 'FETCH', sequence: holey([5], 0), items: 'ALL' }, 'INVALID_SEQUENCE_SET sequence[0]'],
    [{ name: 'FETCH', sequence: '1', items: holey([{ item: 'UID' }], 0) }, 'INVALID_ARGUMENT items[0]'],
    [
      { name: 'FETCH', sequence: '1', items: [{ item: 'BODY[]', section: { part: holey([1], 0) } }] },
      'INVALID_NUMBER items[0].section.part[0]',
    ],
    [
      { name: 'STORE', sequence: '1', operation: 'add', flags: holey(['\\Seen'], 0) },
      'INVALID_ARGUMENT flags[0]',
    ],
    [{ name: 'SEARCH', criteria: holey([{ key: 'ALL' }], 0) }, 'INVALID_ARGUMENT criteria[0]'],
    [
      { name: 'SEARCH', return: holey(['MIN', 'MAX'], 1), criteria: [{ key: 'ALL' }] },
      'INVALID_ARGUMENT return[1]',
    ],
    // These used forEach or map over the caller's list: `ENABLE  X`, `LIST ( SUBSCRIBED)` …
    [
      { name: 'APPEND', mailbox: 'INBOX', messages: holey([{ message: 'a' }], 0) },
      'INVALID_ARGUMENT messages[0]',
    ],
    [{ name: 'ENABLE', capabilities: holey(['CONDSTORE'], 0) }, 'INVALID_ARGUMENT capabilities[0]'],
    [
      { name: 'LIST', selection: holey(['SUBSCRIBED'], 0), reference: '', pattern: '*' },
      'INVALID_ARGUMENT selection[0]',
    ],
    [{ name: 'LIST', reference: '', pattern: holey(['INBOX'], 1) }, 'INVALID_ARGUMENT pattern[1]'],
    [
      { name: 'LIST', reference: '', pattern: '%', return: holey(['CHILDREN'], 0) },
      'INVALID_ARGUMENT return[0]',
    ],
    [{ name: 'CREATE', mailbox: 'X', specialUse: holey(['\\Drafts'], 1) }, 'INVALID_FLAG specialUse[1]'],
    [{ name: 'STATUS', mailbox: 'INBOX', items: holey(['MESSAGES'], 0) }, 'INVALID_ARGUMENT items[0]'],
    [{ name: 'ID', parameters: holey([{ field: 'name', value: 'x' }], 0) }, 'INVALID_ARGUMENT parameters[0]'],
    [
      { name: 'GETMETADATA', mailbox: 'INBOX', entries: holey(['/shared/comment'], 0) },
      'INVALID_ARGUMENT entries[0]',
    ],
    [
      {
        name: 'SETMETADATA',
        mailbox: 'INBOX',
        entries: holey([{ entry: '/private/comment', value: null }], 0),
      },
      'INVALID_ARGUMENT entries[0]',
    ],
    [
      { name: 'SETQUOTA', root: '', limits: holey([{ resource: 'STORAGE', limit: 512 }], 0) },
      'INVALID_ARGUMENT limits[0]',
    ],
    [
      { name: 'SORT', sort: holey([{ key: 'SUBJECT' }], 0), charset: 'UTF-8', criteria: [{ key: 'ALL' }] },
      'INVALID_ARGUMENT sort[0]',
    ],
    [
      { name: 'NOTIFY', groups: holey([{ filter: 'personal', events: ['MessageNew'] }], 0) },
      'INVALID_ARGUMENT groups[0]',
    ],
    [
      {
        name: 'NOTIFY',
        groups: [{ filter: 'mailboxes', mailboxes: holey(['INBOX'], 0), events: ['MessageNew'] }],
      },
      'INVALID_ARGUMENT groups[0].mailboxes[0]',
    ],
    [
      { name: 'NOTIFY', groups: [{ filter: 'personal', events: holey(['MessageNew'], 0) }] },
      'INVALID_ARGUMENT groups[0].events[0]',
    ],
  ])('%#: %j', (cmd, expected) => {
    expect(code(() => encodeCommand(cmd as unknown as Command, { tag: 'A1' }))).toBe(expected);
  });
});
