/**
 * Known answers for `sequence-set` and `uid-set` (src/parser/sequence-set.ts): RFC 9051 §9
 * `sequence-set`, `seq-number = nz-number / "*"`; RFC 4315 `uid-set` (no "*"), as read in
 * `VANISHED` (RFC 7162 §3.2.10) and a `MODIFIED` response code (RFC 7162 §3.1.3). The fast path
 * reads up to 9 digits itself; longer numbers go through the cursor's range checks.
 */
import { describe, expect, test } from 'vitest';
import { ImapParseError } from '../../src/errors.ts';
import { Cursor } from '../../src/lexer/cursor.ts';
import type { SequenceSet } from '../../src/model/sequence-set.ts';
import { sequenceSetPairs, takeSequenceSet } from '../../src/parser/sequence-set.ts';

/** The set at the start of `s` + " x" (what follows a set in a response). */
function read(s: string, star: boolean): SequenceSet {
  const c = new Cursor();
  c.buf = new TextEncoder().encode(`${s} x`);
  c.end = c.buf.length;
  const set = takeSequenceSet(c, star);
  expect(c.pos).toBe(s.length);
  return set;
}

/** A `uid-set`, as in VANISHED. */
const vanished = (s: string) => read(s, false);
/** A `sequence-set`, as in a MODIFIED response code. */
const modified = (s: string) => read(s, true);

function refused(set: string): { code: string; offset: number } {
  try {
    vanished(set);
  } catch (e) {
    if (!(e instanceof ImapParseError)) throw e;
    return { code: e.code, offset: e.offset };
  }
  throw new Error(`${set}: no error`);
}

describe('values', () => {
  test('ranges and single numbers, the text as sent', () => {
    expect(vanished('1:3,7,9:8')).toEqual({
      text: '1:3,7,9:8',
      ranges: [
        { start: 1, end: 3 },
        { start: 7, end: 7 },
        { start: 9, end: 8 },
      ],
    });
  });

  test('up to 9 digits read directly, 10 through the cursor, each exactly', () => {
    expect(vanished('123456789,987654321').ranges).toEqual([
      { start: 123456789, end: 123456789 },
      { start: 987654321, end: 987654321 },
    ]);
    expect(vanished('1234567890:4294967295').ranges).toEqual([{ start: 1234567890, end: 4294967295 }]);
    expect(vanished('9').ranges).toEqual([{ start: 9, end: 9 }]);
  });

  test('"*" in a sequence-set, not in a uid-set', () => {
    expect(modified('7,9:*').ranges).toEqual([
      { start: 7, end: 7 },
      { start: 9, end: '*' },
    ]);
    expect(modified('*').ranges).toEqual([{ start: '*', end: '*' }]);
    // A sequence-set unless told otherwise.
    const c = new Cursor();
    c.buf = new TextEncoder().encode('*:4');
    c.end = 3;
    expect(takeSequenceSet(c).ranges).toEqual([{ start: '*', end: 4 }]);
    expect(refused('1:*')).toEqual({ code: 'SYNTAX', offset: 2 });
  });
});

describe('refusals (nz-number: no 0, no leading zero, at most 2^32 - 1)', () => {
  test.each([
    ['0', 'SYNTAX', 0],
    ['5,0', 'SYNTAX', 2],
    ['1:0', 'SYNTAX', 2],
    ['01', 'SYNTAX', 0],
    ['4294967296', 'NUMBER_RANGE', 0],
    ['1,12345678901', 'NUMBER_RANGE', 2],
    ['x', 'SYNTAX', 0],
  ])('%s: %s at %i', (set, code, offset) => {
    expect(refused(set)).toEqual({ code, offset });
  });
});

describe('long sets: pairs past 1,024 ranges', () => {
  const long = Array.from({ length: 1030 }, (_, i) =>
    i === 1027 ? '*:5' : i % 2 === 0 ? `${2 * i + 1}` : `${2 * i + 1}:*`,
  );

  test('sequenceSetPairs: 0 stands for "*"; ranges made from the pairs', () => {
    const set = modified(long.join(','));
    const pairs = sequenceSetPairs(set);
    expect(pairs.length).toBe(2060);
    expect([...pairs.subarray(0, 4)]).toEqual([1, 1, 3, 0]);
    expect([...pairs.subarray(2056)]).toEqual([2057, 2057, 2059, 0]);
    expect(set.ranges.length).toBe(1030);
    expect(set.ranges[1029]).toEqual({ start: 2059, end: '*' });
    expect(set.ranges[1024]).toEqual({ start: 2049, end: 2049 });
    expect(set.ranges[1027]).toEqual({ start: '*', end: 5 });
    expect(set.text).toBe(long.join(','));
    // The pairs themselves, not a copy; ranges an ordinary (enumerable) property.
    expect(sequenceSetPairs(set)).toBe(pairs);
    expect(Object.getOwnPropertyDescriptor(set, 'ranges')).toMatchObject({
      enumerable: true,
      configurable: true,
    });
    expect(Object.keys(set)).toEqual(['text', 'ranges']);
  });

  test('a set of exactly 1,024 ranges stays objects; ranges can be replaced', () => {
    const set = vanished(Array.from({ length: 1024 }, (_, i) => `${i + 1}`).join(','));
    expect(Object.getOwnPropertyDescriptor(set, 'ranges')?.get).toBeUndefined();
    expect([...sequenceSetPairs(set).subarray(2046)]).toEqual([1024, 1024]);
    const big = vanished(Array.from({ length: 1025 }, (_, i) => `${i + 1}`).join(','));
    big.ranges = [{ start: 5, end: 6 }];
    expect([...sequenceSetPairs(big)]).toEqual([5, 6]);
  });

  test('past 2,048 ranges the pairs grow', () => {
    const set = vanished(Array.from({ length: 2100 }, (_, i) => `${i + 1}`).join(','));
    const pairs = sequenceSetPairs(set);
    expect(pairs.length).toBe(4200);
    expect([...pairs.subarray(4094, 4100)]).toEqual([2048, 2048, 2049, 2049, 2050, 2050]);
    expect([...pairs.subarray(4198)]).toEqual([2100, 2100]);
  });

  test('sequenceSetPairs of a short set', () => {
    expect([...sequenceSetPairs(modified('2:*,4'))]).toEqual([2, 0, 4, 4]);
  });
});
