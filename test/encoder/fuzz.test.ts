/**
 * Whatever a caller passes (JSON from the CLI, a wrong type from plain JavaScript), the encoder
 * answers with safe fragments or an ImapEncodeError, never a TypeError or a RangeError.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { COMMAND_NAMES, encodeCommand } from '../../src/encoder/command.ts';
import { ImapEncodeError } from '../../src/encoder/errors.ts';
import type { Command } from '../../src/model/command.ts';
import { expectSafe, serverView, wire } from './helpers.ts';

const FIELDS = [
  'username',
  'password',
  'mechanism',
  'initialResponse',
  'capabilities',
  'parameters',
  'mailbox',
  'condstore',
  'qresync',
  'specialUse',
  'from',
  'to',
  'reference',
  'pattern',
  'selection',
  'return',
  'items',
  'messages',
  'uids',
  'uid',
  'charset',
  'criteria',
  'sequence',
  'changedSince',
  'vanished',
  'operation',
  'silent',
  'flags',
  'item',
  'unchangedSince',
  'status',
  'groups',
  'root',
  'limits',
  'entries',
  'maxSize',
  'depth',
  'sort',
  'algorithm',
];

const value = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withTypedArray: true,
  withDate: true,
  withNullPrototype: true,
  withSparseArray: true,
  key: fc.constantFrom(
    'key',
    'value',
    'item',
    'part',
    'text',
    'fields',
    'start',
    'end',
    'status',
    'filter',
    'events',
    'entry',
    '__proto__',
    'toString',
  ),
});

function check(cmd: unknown): void {
  try {
    const f = encodeCommand(cmd as Command, { tag: 'A1', capabilities: ['BINARY'] });
    expectSafe(f);
    expect(serverView(wire(f)).commands).toHaveLength(1);
  } catch (e) {
    if (!(e instanceof ImapEncodeError)) throw e;
  }
}

describe('shape errors are typed', () => {
  test.each(
    [
      [null, 'INVALID_ARGUMENT'],
      [[], 'INVALID_ARGUMENT'],
      [{}, 'UNKNOWN_COMMAND'],
      [{ name: 'FROB' }, 'UNKNOWN_COMMAND'],
      [{ name: 'toString' }, 'UNKNOWN_COMMAND'],
      [{ name: 'LOGIN' }, 'INVALID_ARGUMENT'],
      [{ name: 'LOGIN', username: 5, password: 'x' }, 'INVALID_ARGUMENT'],
      [{ name: 'SELECT', mailbox: 'x', qresync: { uidValidity: 0, modseq: 1n } }, 'INVALID_NUMBER'],
      [{ name: 'SELECT', mailbox: 'x', qresync: { uidValidity: 1, modseq: 2n ** 63n } }, 'INVALID_NUMBER'],
      [{ name: 'SELECT', mailbox: 'x', condstore: 'yes' }, 'INVALID_ARGUMENT'],
      [{ name: 'STATUS', mailbox: 'x', items: [] }, 'INVALID_ARGUMENT'],
      [{ name: 'STATUS', mailbox: 'x', items: ['MESSAGES', 'BOGUS'] }, 'INVALID_ARGUMENT'],
      [{ name: 'LIST', reference: '', pattern: [] }, 'INVALID_ARGUMENT'],
      [{ name: 'LIST', reference: '', pattern: '*', selection: ['RECURSIVEMATCH'] }, 'INVALID_ARGUMENT'],
      [{ name: 'APPEND', mailbox: 'x', messages: [] }, 'INVALID_ARGUMENT'],
      [{ name: 'APPEND', mailbox: 'x', messages: [{ content: 'x', flags: ['\\*'] }] }, 'INVALID_FLAG'],
      [{ name: 'APPEND', mailbox: 'x', messages: [{ content: 'x', flags: ['\\Recent'] }] }, 'INVALID_FLAG'],
      [{ name: 'APPEND', mailbox: 'x', messages: [{ content: 'x', date: '7-Feb-1994' }] }, 'INVALID_DATE'],
      [{ name: 'SEARCH', criteria: [] }, 'INVALID_ARGUMENT'],
      [{ name: 'SEARCH', criteria: [{ key: 'FROB' }] }, 'INVALID_ARGUMENT'],
      [{ name: 'SEARCH', criteria: [{ key: 'AND', operands: [] }] }, 'INVALID_ARGUMENT'],
      [{ name: 'SEARCH', criteria: [{ key: 'OLDER', seconds: 0 }] }, 'INVALID_NUMBER'],
      [{ name: 'SEARCH', criteria: [{ key: 'LARGER', size: -1 }] }, 'INVALID_NUMBER'],
      [{ name: 'SEARCH', criteria: [{ key: 'UID', set: '0' }] }, 'INVALID_SEQUENCE_SET'],
      [{ name: 'FETCH', sequence: '1', items: 'EVERYTHING' }, 'INVALID_ARGUMENT'],
      [{ name: 'FETCH', sequence: '1', items: [] }, 'INVALID_ARGUMENT'],
      [
        { name: 'FETCH', sequence: '1', items: [{ item: 'BODY[]', section: { text: 'MIME' } }] },
        'INVALID_ARGUMENT',
      ],
      [
        { name: 'FETCH', sequence: '1', items: [{ item: 'BODY[]', section: { text: 'HEADER.FIELDS' } }] },
        'INVALID_ARGUMENT',
      ],
      [
        {
          name: 'FETCH',
          sequence: '1',
          items: [{ item: 'BODY[]', section: { text: 'TEXT', fields: ['a'] } }],
        },
        'INVALID_ARGUMENT',
      ],
      [
        { name: 'FETCH', sequence: '1', items: [{ item: 'BODY[]', section: { part: [0] } }] },
        'INVALID_NUMBER',
      ],
      [
        { name: 'FETCH', sequence: '1', items: [{ item: 'BODY[]', partial: { origin: 0, count: 0 } }] },
        'INVALID_NUMBER',
      ],
      [
        { name: 'FETCH', sequence: '1', items: { item: 'FLAGS' }, vanished: true, changedSince: 1n },
        'INVALID_ARGUMENT',
      ],
      [
        { name: 'FETCH', uid: true, sequence: '1', items: { item: 'FLAGS' }, vanished: true },
        'INVALID_ARGUMENT',
      ],
      [{ name: 'FETCH', sequence: '1', items: { item: 'FLAGS' }, changedSince: 0n }, 'INVALID_NUMBER'],
      [{ name: 'STORE', sequence: '1', operation: 'toggle', flags: [] }, 'INVALID_ARGUMENT'],
      [{ name: 'NOTIFY', groups: [] }, 'INVALID_ARGUMENT'],
      [{ name: 'NOTIFY', groups: [{ filter: 'subtree', events: null }] }, 'INVALID_ARGUMENT'],
      [
        { name: 'NOTIFY', groups: [{ filter: 'personal', mailboxes: ['x'], events: null }] },
        'INVALID_ARGUMENT',
      ],
      [
        {
          name: 'NOTIFY',
          groups: [{ filter: 'personal', events: [{ event: 'MessageNew', fetch: [{ item: 'UID' }] }] }],
        },
        'INVALID_ARGUMENT',
      ],
      [{ name: 'NOTIFY', groups: [{ filter: 'personal', events: ['MessageRead'] }] }, 'INVALID_ARGUMENT'],
      [{ name: 'NOTIFY', status: true, groups: null }, 'INVALID_ARGUMENT'],
      [{ name: 'GETMETADATA', mailbox: '', entries: '/shared/*' }, 'INVALID_ARGUMENT'],
      [{ name: 'GETMETADATA', mailbox: '', entries: 'x', depth: 2 }, 'INVALID_ARGUMENT'],
      [{ name: 'SETMETADATA', mailbox: '', entries: [] }, 'INVALID_ARGUMENT'],
      [{ name: 'COMPRESS', mechanism: 'GZIP' }, 'INVALID_ARGUMENT'],
      [{ name: 'SORT', sort: [], charset: 'UTF-8', criteria: [{ key: 'ALL' }] }, 'INVALID_ARGUMENT'],
      [{ name: 'ENABLE', capabilities: [] }, 'INVALID_ARGUMENT'],
      [{ name: 'ID', parameters: [{ field: 'a' }] }, 'INVALID_ARGUMENT'],
    ].map(([cmd, code]) => [JSON.stringify(cmd, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)), cmd, code]),
  )('%s → %s', (_, cmd, code) => {
    try {
      encodeCommand(cmd as unknown as Command, { tag: 'A1' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImapEncodeError);
      expect((e as ImapEncodeError).code).toBe(code);
    }
  });

  test('search nesting is bounded, not a stack overflow', () => {
    let key: unknown = { key: 'ALL' };
    for (let i = 0; i < 100_000; i++) key = { key: 'NOT', operand: key };
    expect(() => encodeCommand({ name: 'SEARCH', criteria: [key] } as Command, { tag: 'A1' })).toThrow(
      /nested deeper/,
    );
  });
});

describe('fuzz', () => {
  fcTest.prop([fc.constantFrom(...COMMAND_NAMES), fc.dictionary(fc.constantFrom(...FIELDS), value)], {
    numRuns: 2000,
  })('random fields on every command', (name, fields) => {
    check({ ...fields, name });
  });

  fcTest.prop([value])('random values as a command', (v) => {
    check(v);
  });
});
