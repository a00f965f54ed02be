/**
 * Malformed responses: each yields one ImapParseError with a stable code and the absolute
 * offset of the offending byte, and the valid response after it still parses.
 */
import { describe, expect, test } from 'vitest';
import type { DecoderOptions } from '../src/index.ts';
import { bytes, decodeAllWays, latin1 } from './helpers/decode.ts';

const NEXT = '* 42 EXISTS\r\n';

interface Case {
  name: string;
  input: string | Uint8Array;
  code: string;
  offset: number;
  options?: DecoderOptions;
  /** Errors expected before the next valid response (default 1). */
  errors?: number;
}

const cases: Case[] = [
  { name: 'letters in a number', input: '* 12x EXISTS\r\n', code: 'SYNTAX', offset: 4 },
  { name: 'EXPUNGE 0 (nz-number)', input: '* 0 EXPUNGE\r\n', code: 'SYNTAX', offset: 2 },
  { name: 'UID 0 (nz-number)', input: '* 1 FETCH (UID 0)\r\n', code: 'SYNTAX', offset: 15 },
  {
    name: 'a number beyond 32 bits',
    input: '* 1 FETCH (UID 4294967296)\r\n',
    code: 'NUMBER_RANGE',
    offset: 15,
  },
  {
    name: 'MODSEQ beyond 63 bits',
    input: '* 1 FETCH (MODSEQ (9223372036854775808))\r\n',
    code: 'NUMBER_RANGE',
    offset: 19,
  },
  { name: 'an unclosed attribute list', input: '* 1 FETCH (FLAGS (\\Seen)\r\n', code: 'SYNTAX', offset: 24 },
  { name: 'an empty FETCH', input: '* 1 FETCH ()\r\n', code: 'SYNTAX', offset: 11 },
  {
    name: 'a bad month in INTERNALDATE',
    input: '* 1 FETCH (INTERNALDATE "17-Jux-1996 02:44:25 -0700")\r\n',
    code: 'SYNTAX',
    offset: 28,
  },
  {
    name: 'a day the month does not have (30-Feb)',
    input: '* 1 FETCH (INTERNALDATE "30-Feb-2023 02:44:25 -0700")\r\n',
    code: 'SYNTAX',
    offset: 25,
  },
  { name: 'a leading zero in an nz-number', input: '* 1 FETCH (UID 007)\r\n', code: 'SYNTAX', offset: 15 },
  { name: 'an unknown status word', input: 'A1 MAYBE done\r\n', code: 'SYNTAX', offset: 3 },
  // A status response with a bad code or text is kept by default (quirks malformedResponseCode,
  // malformedRespText: test/quirks/status-fallback.test.ts); strict mode refuses it.
  {
    name: 'a code with a bad argument (strict)',
    input: '* OK [UIDNEXT abc] x\r\n',
    code: 'SYNTAX',
    offset: 14,
    options: { strict: true },
  },
  {
    name: 'an unclosed code (strict)',
    input: '* OK [UIDNEXT 5 x\r\n',
    code: 'SYNTAX',
    offset: 15,
    options: { strict: true },
  },
  {
    name: 'NUL in a quoted string',
    input: latin1('* 1 FETCH (BODY[] "a\x00b")\r\n'),
    code: 'SYNTAX',
    offset: 20,
  },
  {
    name: 'NUL in text (strict)',
    input: latin1('* OK a\x00b\r\n'),
    code: 'SYNTAX',
    offset: 6,
    options: { strict: true },
  },
  { name: 'an empty line', input: '\r\n', code: 'SYNTAX', offset: 0 },
  { name: 'a section ending in "."', input: '* 1 FETCH (BODY[1.] "x")\r\n', code: 'SYNTAX', offset: 18 },
  { name: 'MIME without a part', input: '* 1 FETCH (BODY[MIME] "x")\r\n', code: 'SYNTAX', offset: 16 },
  {
    name: 'a bad escape in a quoted string',
    input: '* 1 FETCH (BODY[] "a\\nb")\r\n',
    code: 'SYNTAX',
    offset: 21,
  },
  { name: 'a tag with "+"', input: 'A+1 OK x\r\n', code: 'SYNTAX', offset: 1 },
  { name: 'junk after a response', input: '* 3 EXISTS junk\r\n', code: 'SYNTAX', offset: 10 },
  {
    name: 'CR LF inside a quoted string ends the line: two broken responses',
    input: '* 1 FETCH (BODY[] "a\r\nb")\r\n',
    code: 'SYNTAX',
    offset: 20,
    errors: 2,
  },
  {
    name: 'a literal count beyond 2^32',
    input: '* 1 FETCH (BODY[] {4294967296}\r\n',
    code: 'BAD_LITERAL_COUNT',
    offset: 18,
  },
  {
    name: 'a 30-digit literal count',
    input: '* 1 FETCH (BODY[] {123456789012345678901234567890}\r\n',
    code: 'BAD_LITERAL_COUNT',
    offset: 18,
  },
  {
    name: 'a literal above maxLiteralSize is skipped whole',
    input: '* 1 FETCH (BODY[] {11}\r\nhello\r\nworld UID 5)\r\n',
    code: 'LITERAL_TOO_LARGE',
    offset: 18,
    options: { maxLiteralSize: 10 },
  },
  {
    name: 'a line above maxLineLength',
    input: `* OK ${'a'.repeat(40)}\r\n`,
    code: 'LINE_TOO_LONG',
    offset: 20,
    options: { maxLineLength: 20 },
  },
  {
    name: 'a response above maxResponseSize',
    input: `* 1 FETCH (BODY[] {20}\r\n${'x'.repeat(20)})\r\n`,
    code: 'RESPONSE_TOO_LARGE',
    offset: 18,
    options: { maxResponseSize: 30 },
  },
  {
    name: 'nesting above maxDepth',
    input: '* 1 FETCH (X-FOO ((((1)))))\r\n',
    code: 'DEPTH_EXCEEDED',
    offset: 19,
    options: { maxDepth: 3 },
  },
  {
    name: 'strict mode refuses a missing text',
    input: 'A1 OK\r\n',
    code: 'STRICT',
    offset: 5,
    options: { strict: true },
  },
  {
    name: 'strict mode refuses a trailing space',
    input: '* CAPABILITY IMAP4rev1 \r\n',
    code: 'STRICT',
    offset: 22,
    options: { strict: true },
  },
  {
    name: 'strict mode refuses "+" without text',
    input: '+\r\n',
    code: 'STRICT',
    offset: 1,
    options: { strict: true },
  },
];

describe.each(cases)('$name', (c) => {
  test(`${c.code} at ${c.offset}, then the next response parses`, () => {
    const input = typeof c.input === 'string' ? bytes(c.input) : c.input;
    const all = new Uint8Array([...input, ...bytes(NEXT)]);
    const items = decodeAllWays(all, c.options);
    const n = c.errors ?? 1;
    expect(items).toHaveLength(n + 1);
    const first = items[0]!;
    expect(first.type).toBe('error');
    if (first.type !== 'error') return;
    expect(first.error.code).toBe(c.code);
    expect(first.error.offset).toBe(c.offset);
    expect(first.error.excerpt).toContain('⟨here⟩');
    expect(first.error.name).toBe('ImapParseError');
    for (const e of items.slice(0, n)) expect(e.type).toBe('error');
    expect(items[n]).toEqual({ type: 'untagged', kind: 'exists', count: 42 });
  });
});

describe('end of stream', () => {
  test('inside a literal: TRUNCATED at the response start', () => {
    const items = decodeAllWays(bytes('* 1 EXISTS\r\n* 1 FETCH (BODY[] {10}\r\nabc'));
    expect(items[0]).toEqual({ type: 'untagged', kind: 'exists', count: 1 });
    expect(items[1]).toMatchObject({ type: 'error', error: { code: 'TRUNCATED', offset: 12 } });
  });

  test('inside a line: TRUNCATED; the decoder can be used again after end()', async () => {
    const { ResponseDecoder } = await import('../src/index.ts');
    const dec = new ResponseDecoder();
    dec.push(bytes('* 2 EXI'));
    expect(dec.end()).toMatchObject([{ type: 'error', error: { code: 'TRUNCATED', offset: 0 } }]);
    expect(dec.push(bytes('* 3 EXISTS\r\n'))).toEqual([{ type: 'untagged', kind: 'exists', count: 3 }]);
    expect(dec.end()).toEqual([]);
  });
});

describe('error excerpts', () => {
  test('escape CR, LF and 8-bit bytes and mark the offset', () => {
    const [e] = decodeAllWays(latin1('* 1 FETCH (UID \xff)\r\n'));
    expect(e).toMatchObject({ type: 'error', error: { code: 'SYNTAX', offset: 15 } });
    if (e?.type === 'error') expect(e.error.excerpt).toBe('* 1 FETCH (UID ⟨here⟩\\xff)\\r\\n');
  });
});
