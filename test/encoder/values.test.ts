/** Sequence sets, the UID compressor, tags, and dates. */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { CommandEncoder } from '../../src/encoder/command.ts';
import { formatDateTime, formatSearchDate } from '../../src/encoder/date-time.ts';
import { ImapEncodeError } from '../../src/encoder/errors.ts';
import { compressUids, formatSequenceSet } from '../../src/encoder/sequence-set.ts';
import { checkTag, TagGenerator } from '../../src/encoder/tag.ts';
import { FETCH_SIMPLE_ITEMS } from '../../src/model/command-fetch.ts';
import { enc, wire } from './helpers.ts';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImapEncodeError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('sequence sets', () => {
  test.each([
    [1, '1'],
    ['*', '*'],
    ['$', '$'],
    [[1, [3, 5], '*'], '1,3:5,*'],
    [[[5, 5]], '5'],
    [[{ start: 2, end: '*' }], '2:*'],
    ['1:3,7,9:*', '1:3,7,9:*'],
    ['4:2', '4:2'],
    [4294967295, '4294967295'],
    [{ text: '1:2', ranges: [{ start: 1, end: 2 }] }, '1:2'],
  ])('%j → %s', (input, text) => {
    expect(formatSequenceSet(input)).toBe(text);
  });

  test.each([
    [0],
    ['0'],
    ['0:5'],
    ['01'],
    [4294967296],
    ['4294967296'],
    ['99999999999'],
    [-1],
    [1.5],
    [''],
    ['1,'],
    [',1'],
    ['1:2:3'],
    ['1::2'],
    ['1 2'],
    ['1\r\n'],
    ['$,1'],
    [[]],
    [[0]],
    [[[1, 2, 3]]],
    [null],
    [{}],
  ])('refuses %j', (input) => {
    expect(code(() => formatSequenceSet(input))).toBe('INVALID_SEQUENCE_SET');
  });

  test('"*" and "$" where the grammar forbids them', () => {
    expect(code(() => formatSequenceSet('1:*', 'k', { star: false }))).toBe('INVALID_SEQUENCE_SET');
    expect(code(() => formatSequenceSet('$', 'k', { dollar: false }))).toBe('INVALID_SEQUENCE_SET');
    expect(
      code(() =>
        enc({ name: 'SELECT', mailbox: 'x', qresync: { uidValidity: 1, modseq: 1n, knownUids: '1:*' } }),
      ),
    ).toBe('INVALID_SEQUENCE_SET');
  });

  test('RFC 5182 "$": UID FETCH $', () => {
    expect(
      wire(
        enc(
          { name: 'FETCH', uid: true, sequence: '$', items: [{ item: 'UID' }, { item: 'FLAGS' }] },
          { tag: 'A302' },
        ),
      ),
    ).toBe('A302 UID FETCH $ (UID FLAGS)\r\n');
  });

  test('compressUids', () => {
    expect(compressUids([7, 1, 2, 3, 5, 3])).toBe('1:3,5,7');
    expect(compressUids([4294967295, 4294967294])).toBe('4294967294:4294967295');
    expect(compressUids(new Set([10]))).toBe('10');
    expect(code(() => compressUids([]))).toBe('INVALID_SEQUENCE_SET');
    expect(code(() => compressUids([0]))).toBe('INVALID_SEQUENCE_SET');
  });

  fcTest.prop([fc.array(fc.integer({ min: 1, max: 0xffffffff }), { minLength: 1, maxLength: 200 })])(
    'compressUids covers exactly the given numbers, in ascending disjoint ranges',
    (uids) => {
      const text = compressUids(uids);
      const ranges = text.split(',').map((part) => {
        const [a, b] = part.split(':').map(Number);
        return [a!, b ?? a!] as const;
      });
      let last = 0;
      let size = 0;
      for (const [a, b] of ranges) {
        expect(b).toBeGreaterThanOrEqual(a);
        // Ascending, and never adjacent to the previous range (it would have been merged).
        expect(last === 0 || a > last + 1).toBe(true);
        last = b;
        size += b - a + 1;
      }
      const unique = new Set(uids);
      expect(size).toBe(unique.size);
      for (const u of unique) expect(ranges.some(([a, b]) => u >= a && u <= b)).toBe(true);
      expect(formatSequenceSet(text)).toBe(text);
    },
  );
});

describe('keyword lookups (switches over the names)', () => {
  test('every simple FETCH item is written as its name', () => {
    for (const item of FETCH_SIMPLE_ITEMS) {
      expect(wire(enc({ name: 'FETCH', sequence: 1, items: [{ item }, { item }] }))).toBe(
        `A1 FETCH 1 (${item} ${item})\r\n`,
      );
    }
    // A name spelt differently, or built at run time (not an interned string), is looked up alike.
    expect(
      wire(enc({ name: 'FETCH', sequence: 1, items: { item: ['RFC822', 'SIZE'].join('.') } } as never)),
    ).toBe('A1 FETCH 1 RFC822.SIZE\r\n');
    expect(code(() => enc({ name: 'FETCH', sequence: 1, items: [{ item: 'uid' }] } as never))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  test('known flags and every STORE operation', () => {
    const flags = [
      '\\Answered',
      '\\Flagged',
      '\\Deleted',
      '\\Seen',
      '\\Draft',
      '$MDNSent',
      '$Forwarded',
      '$Junk',
      '$NotJunk',
      '$Phishing',
    ];
    const ops = { replace: 'FLAGS', add: '+FLAGS', remove: '-FLAGS' } as const;
    for (const [operation, item] of Object.entries(ops)) {
      const cmd = {
        name: 'STORE',
        sequence: '1',
        operation,
        flags: [...flags, ['\\', 'Seen'].join('')],
      } as never;
      expect(wire(enc(cmd))).toBe(`A1 STORE 1 ${item} (${flags.join(' ')} \\Seen)\r\n`);
    }
    expect(code(() => enc({ name: 'STORE', sequence: '1', operation: 'set', flags: [] } as never))).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('tags', () => {
  test('valid tags pass; "+", SP, CTL, 8-bit, "*"-less specials are refused', () => {
    expect(checkTag('A001')).toBe('A001');
    expect(checkTag('a]')).toBe('a]');
    for (const t of ['', 'A+1', 'A 1', 'A\r\n', 'A\0', '*', 'A%', 'A(', 'A"', 'A{', 'é', 'A\\']) {
      expect(code(() => checkTag(t))).toBe('INVALID_TAG');
    }
    expect(code(() => enc({ name: 'NOOP' }, { tag: 'A1 LOGOUT\r\nA2' }))).toBe('INVALID_TAG');
  });

  test('a generator never repeats a tag', () => {
    const g = new TagGenerator('X');
    const seen = new Set<string>();
    for (let i = 0; i < 10000; i++) seen.add(g.next());
    expect(seen.size).toBe(10000);
    expect([...seen][0]).toBe('X1');
    expect(code(() => new TagGenerator('+'))).toBe('INVALID_TAG');
    expect(new TagGenerator('', 5).next()).toBe('5');
  });

  test('a tag is the prefix and the counter in decimal, across every hundred', () => {
    // next() keeps the leading digits for a hundred tags and adds the last two from a table.
    const starts = [0, 95, 990, 9_999_950, Number.MAX_SAFE_INTEGER - 250];
    for (const [prefix, start] of starts.flatMap((s) => [['A', s] as const, ['', s] as const])) {
      const g = new TagGenerator(prefix, start);
      for (let n = start; n < start + 240; n++) expect(g.next()).toBe(`${prefix}${n}`);
    }
    // A prefix changed behind the generator's back still shows (as it did with no kept digits).
    const g = new TagGenerator('A', 150);
    g.next();
    (g as unknown as { prefix: string }).prefix = 'B';
    expect(g.next()).toBe('B151');
  });

  test('CommandEncoder numbers commands and follows capability changes', () => {
    const e = new CommandEncoder();
    const a = e.encode({ name: 'LOGIN', username: 'u', password: 'p\n' });
    expect(a.tag).toBe('A1');
    expect(a.fragments[1]).toMatchObject({ type: 'literal', mode: 'sync' });
    e.setCapabilities(['LITERAL+']);
    const b = e.encode({ name: 'LOGIN', username: 'u', password: 'p\n' });
    expect(b.tag).toBe('A2');
    expect(b.fragments[1]).toMatchObject({ mode: 'nonsync' });
    e.addEnabled(['UTF8=ACCEPT']);
    expect(wire(e.encode({ name: 'SELECT', mailbox: 'é' }).fragments)).toBe('A3 SELECT "\xc3\xa9"\r\n');
    expect(() => e.encode({ name: 'NOOP', bogus: 1 } as never)).not.toThrow();
  });
});

describe('dates', () => {
  test.each([
    ['1994-02-01', '1-Feb-1994'],
    ['2000-03-05', '5-Mar-2000'],
    ['2024-12-31', '31-Dec-2024'],
    ['2024-02-29', '29-Feb-2024'],
    ['0001-01-01', '1-Jan-0001'],
  ])('search date %s → %s', (iso, imap) => {
    expect(formatSearchDate(iso)).toBe(imap);
  });

  test.each([
    ['2023-02-29'],
    ['1994-2-1'],
    ['1994-13-01'],
    ['1994-00-10'],
    ['1994-01-32'],
    ['01-Feb-1994'],
    [''],
    [19940201],
  ])('refuses search date %j', (v) => {
    expect(code(() => formatSearchDate(v))).toBe('INVALID_DATE');
  });

  test.each([
    ['1994-02-07T22:43:04-08:00', ' 7-Feb-1994 22:43:04 -0800'],
    ['2024-01-01T10:00:00+01:00', ' 1-Jan-2024 10:00:00 +0100'],
    ['2024-11-30T23:59:59Z', '30-Nov-2024 23:59:59 +0000'],
    ['2024-11-30T23:59:59.123+0530', '30-Nov-2024 23:59:59 +0530'],
    [new Date(Date.UTC(2024, 0, 1, 9, 5, 7)), ' 1-Jan-2024 09:05:07 +0000'],
  ])('date-time %s → %s', (v, imap) => {
    expect(formatDateTime(v)).toBe(imap);
  });

  test.each([
    ['2024-01-01T10:00:00'],
    ['2024-01-01 10:00:00+01:00'],
    ['2024-01-01T24:00:00Z'],
    ['2024-01-01T10:00:00+01:60'],
    [new Date(Number.NaN)],
    [0],
  ])('refuses date-time %j', (v) => {
    expect(code(() => formatDateTime(v))).toBe('INVALID_DATE');
  });
});
