/**
 * A status response whose code or text does not parse is still that status response (quirks
 * malformedResponseCode, malformedRespText): a client waiting for the tag gets its completion.
 * Strict mode keeps the grammar's error, which then carries the tag and status. Every case runs
 * whole, one byte per push and split at every position, followed by a response that must parse.
 */
import { describe, expect, test } from 'vitest';
import { type DecodeItem, type Response, ResponseDecoder } from '../../src/index.ts';
import { bytes, decodeAllWays } from '../helpers/decode.ts';

const NEXT = '* 42 EXISTS\r\n';

interface Case {
  name: string;
  source: string;
  input: string;
  quirk: 'malformedResponseCode' | 'malformedRespText';
  /** The response read by default. */
  expected: Response;
  /** Strict mode: the grammar's error, where the grammar failed (first occurrence of `at`, plus `shift`). */
  strict: { code: 'SYNTAX' | 'NUMBER_RANGE'; at: string; shift?: number };
}

const cases: Case[] = [
  {
    name: 'Outlook.com: a code that is no code by the grammar',
    source: 'ruby/net-imap#597',
    input:
      'A1 OK [Error="Lookup failed" Server=BY5PR17MB.namprd17.prod.outlook.com] AUTHENTICATE completed.\r\n',
    quirk: 'malformedResponseCode',
    expected: {
      type: 'tagged',
      tag: 'A1',
      status: 'OK',
      text: 'AUTHENTICATE completed.',
      code: {
        name: 'Error=',
        unknown: true,
        malformed: true,
        raw: '"Lookup failed" Server=BY5PR17MB.namprd17.prod.outlook.com',
      },
    },
    strict: { code: 'SYNTAX', at: '"Lookup' },
  },
  {
    name: 'COPYUID without its payload',
    source: 'ruby/net-imap quirky_behaviors.yml ("Missing resp-text-code payload")',
    input: 'A2 OK [COPYUID] Done\r\n',
    quirk: 'malformedResponseCode',
    expected: {
      type: 'tagged',
      tag: 'A2',
      status: 'OK',
      text: 'Done',
      code: { name: 'COPYUID', unknown: true, malformed: true },
    },
    strict: { code: 'SYNTAX', at: '] Done' },
  },
  {
    name: 'COPYUID with an extra payload',
    source: 'ruby/net-imap quirky_behaviors.yml ("Extra resp-text-code payload")',
    input: 'A3 OK [COPYUID 1 2 3 extra] Done\r\n',
    quirk: 'malformedResponseCode',
    expected: {
      type: 'tagged',
      tag: 'A3',
      status: 'OK',
      text: 'Done',
      code: { name: 'COPYUID', unknown: true, malformed: true, raw: '1 2 3 extra' },
    },
    strict: { code: 'SYNTAX', at: ' extra' },
  },
  {
    name: 'Outlook.com / Microsoft 365: COPYUID with its uid-sets missing',
    source:
      'ruby/net-imap quirky_behaviors.yml ("Outlook.com and Microsoft 365 can send an invalid COPYUID")',
    input: 'A4 OK [COPYUID 701  ] Done\r\n',
    quirk: 'malformedResponseCode',
    expected: {
      type: 'tagged',
      tag: 'A4',
      status: 'OK',
      text: 'Done',
      code: { name: 'COPYUID', unknown: true, malformed: true, raw: '701  ' },
    },
    strict: { code: 'SYNTAX', at: ' ] Done' },
  },
  {
    name: 'CLOSED with junk after it',
    source: 'ruby/net-imap quirky_behaviors.yml ("Unexpected resp-text-code payload")',
    input: 'A5 OK [CLOSED junk] Closed\r\n',
    quirk: 'malformedResponseCode',
    expected: {
      type: 'tagged',
      tag: 'A5',
      status: 'OK',
      text: 'Closed',
      code: { name: 'CLOSED', unknown: true, malformed: true, raw: 'junk' },
    },
    strict: { code: 'SYNTAX', at: ' junk' },
  },
  {
    name: 'UIDNEXT beyond 32 bits in a NO',
    source: 'the grammar (NUMBER_RANGE is recovered like SYNTAX)',
    input: 'A6 NO [UIDNEXT 4294967296] Try later\r\n',
    quirk: 'malformedResponseCode',
    expected: {
      type: 'tagged',
      tag: 'A6',
      status: 'NO',
      text: 'Try later',
      code: { name: 'UIDNEXT', unknown: true, malformed: true, raw: '4294967296' },
    },
    strict: { code: 'NUMBER_RANGE', at: '4294967296' },
  },
  {
    name: 'a code no "]" closes: no code, the text as sent',
    source: 'servers that cut their texts; net-imap reads `resp-text = text` the same way',
    input: 'A7 NO [UNAVAILABLE server busy\r\n',
    quirk: 'malformedRespText',
    expected: { type: 'tagged', tag: 'A7', status: 'NO', text: '[UNAVAILABLE server busy' },
    strict: { code: 'SYNTAX', at: ' server', shift: 0 },
  },
  {
    name: 'no SP between the code and the text',
    source: 'resp-text = ["[" resp-text-code "]" SP] [text]',
    input: 'A8 OK [READ-WRITE]Select completed\r\n',
    quirk: 'malformedRespText',
    expected: {
      type: 'tagged',
      tag: 'A8',
      status: 'OK',
      text: 'Select completed',
      code: { name: 'READ-WRITE' },
    },
    strict: { code: 'SYNTAX', at: 'Select' },
  },
  {
    name: 'a NUL in the text',
    source: 'TEXT-CHAR excludes NUL',
    input: 'A9 BAD hello\0world\r\n',
    quirk: 'malformedRespText',
    expected: { type: 'tagged', tag: 'A9', status: 'BAD', text: 'hello\0world' },
    strict: { code: 'SYNTAX', at: '\0' },
  },
  {
    name: 'an untagged BYE with a bad code: the client still learns the server is leaving',
    source: 'resp-cond-bye',
    input: '* BYE [ALERT now] [UNAVAILABLE\r\n',
    quirk: 'malformedResponseCode',
    expected: {
      type: 'untagged',
      kind: 'bye',
      text: '[UNAVAILABLE',
      code: { name: 'ALERT', unknown: true, malformed: true, raw: 'now' },
    },
    strict: { code: 'SYNTAX', at: ' now' },
  },
];

function statusOf(r: Response): string {
  return r.type === 'tagged' ? r.status : r.type === 'untagged' ? r.kind.toUpperCase() : '';
}

describe.each(cases)('$name ($source)', (c) => {
  test('decodes to the status response, every way, and counts the quirk', () => {
    const items = decodeAllWays(bytes(c.input + NEXT));
    expect(items).toStrictEqual([c.expected, { type: 'untagged', kind: 'exists', count: 42 }]);
    const dec = new ResponseDecoder();
    dec.push(bytes(c.input));
    expect(dec.quirks.get(c.quirk)).toBeGreaterThanOrEqual(1);
  });

  test('a client waiting for the tag gets its completion', () => {
    const items: DecodeItem[] = decodeAllWays(bytes(c.input));
    if (c.expected.type !== 'tagged') return;
    const done = items.find((i) => i.type === 'tagged' && i.tag === (c.expected as { tag: string }).tag);
    expect(done).toMatchObject({ status: c.expected.status });
  });

  test('strict mode: the grammar error, at its offset, with the tag and status', () => {
    const items = decodeAllWays(bytes(c.input + NEXT), { strict: true });
    const offset = c.input.indexOf(c.strict.at) + (c.strict.shift ?? 0);
    expect(offset).toBeGreaterThan(0);
    const tag = c.expected.type === 'tagged' ? c.expected.tag : undefined;
    expect(items[0]).toMatchObject({
      type: 'error',
      error: { code: c.strict.code, offset, tag, status: statusOf(c.expected) },
    });
    expect(items[1]).toStrictEqual({ type: 'untagged', kind: 'exists', count: 42 });
  });
});

test('a code with a literal the framer cut: the raw code keeps the literal bytes, whatever the split', () => {
  const input = 'A1 NO [XFOO (a {3}\r\nb]c] done\r\n';
  const items = decodeAllWays(bytes(input + NEXT));
  expect(items[0]).toMatchObject({ type: 'tagged', tag: 'A1', status: 'NO' });
});

test('a "[" inside a code\'s free text: the code ends at the first "]" (RFC 9051, not a quirk)', () => {
  for (const strict of [false, true]) {
    const items = decodeAllWays(bytes('A1 NO [XFOO see bar[baz] mailbox is busy\r\n'), { strict });
    expect(items).toStrictEqual([
      {
        type: 'tagged',
        tag: 'A1',
        status: 'NO',
        text: 'mailbox is busy',
        code: { name: 'XFOO', unknown: true, raw: 'see bar[baz' },
      },
    ]);
  }
});

test('an error before the status keeps the tag: `A1 OKAY` is no status, but A1 is over', () => {
  const [e] = decodeAllWays(bytes('A1 OKAY done\r\n'));
  expect(e).toMatchObject({
    type: 'error',
    error: { code: 'SYNTAX', offset: 3, tag: 'A1', status: undefined },
  });
});
