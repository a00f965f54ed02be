/**
 * Known answers for `sequence-set` and `uid-set` (src/parser/sequence-set.ts): RFC 9051 §9
 * `sequence-set`, `seq-number = nz-number / "*"`; RFC 4315 `uid-set` (no "*"), read in
 * `VANISHED` (RFC 7162 §3.2.10) and a `MODIFIED` response code (RFC 7162 §3.1.3). The fast path
 * reads up to 9 digits itself; longer numbers go through the cursor's range checks.
 */
import { describe, expect, test } from 'vitest';
import { parseResponse, type SequenceSet, sequenceSetPairs } from '../../src/index.ts';
import { asJson, bytes, decodeWhole } from '../helpers/decode.ts';

function vanished(set: string): SequenceSet {
  const r = parseResponse(bytes(`* VANISHED ${set}\r\n`));
  if (r.type !== 'untagged' || r.kind !== 'vanished') throw new Error(r.type);
  return r.uids;
}

function modified(set: string): SequenceSet {
  const r = parseResponse(bytes(`A1 OK [MODIFIED ${set}] done\r\n`));
  if (r.type !== 'tagged' || r.code?.name !== 'MODIFIED') throw new Error(r.type);
  return r.code.set;
}

/** The error of `* VANISHED <set>`: the set starts at offset 11. */
function refused(set: string): unknown {
  const [e] = asJson(decodeWhole(bytes(`* VANISHED ${set}\r\n`))) as { code: unknown; offset: unknown }[];
  return { code: e!.code, offset: e!.offset };
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
    expect(refused('1:*')).toEqual({ code: 'SYNTAX', offset: 13 });
  });
});

describe('refusals (nz-number: no 0, no leading zero, at most 2^32 - 1)', () => {
  test.each([
    ['0', 'SYNTAX', 11],
    ['5,0', 'SYNTAX', 13],
    ['1:0', 'SYNTAX', 13],
    ['01', 'SYNTAX', 11],
    ['4294967296', 'NUMBER_RANGE', 11],
    ['1,12345678901', 'NUMBER_RANGE', 13],
    ['x', 'SYNTAX', 11],
  ])('%s: %s at %i', (set, code, offset) => {
    expect(refused(set)).toEqual({ code, offset });
  });
});

describe('long sets: pairs past 1,024 ranges', () => {
  const long = Array.from({ length: 1030 }, (_, i) => (i % 2 === 0 ? `${2 * i + 1}` : `${2 * i + 1}:*`));

  test('sequenceSetPairs: 0 stands for "*"; ranges made from the pairs', () => {
    const set = modified(long.join(','));
    const pairs = sequenceSetPairs(set);
    expect(pairs.length).toBe(2060);
    expect([...pairs.subarray(0, 4)]).toEqual([1, 1, 3, 0]);
    expect([...pairs.subarray(2056)]).toEqual([2057, 2057, 2059, 0]);
    expect(set.ranges.length).toBe(1030);
    expect(set.ranges[1029]).toEqual({ start: 2059, end: '*' });
    expect(set.ranges[1024]).toEqual({ start: 2049, end: 2049 });
    expect(set.text).toBe(long.join(','));
  });

  test('a set of exactly 1,024 ranges stays objects; ranges can be replaced', () => {
    const set = vanished(Array.from({ length: 1024 }, (_, i) => `${i + 1}`).join(','));
    expect(Object.getOwnPropertyDescriptor(set, 'ranges')?.get).toBeUndefined();
    expect([...sequenceSetPairs(set).subarray(2046)]).toEqual([1024, 1024]);
    const big = vanished(Array.from({ length: 1025 }, (_, i) => `${i + 1}`).join(','));
    big.ranges = [{ start: 5, end: 6 }];
    expect([...sequenceSetPairs(big)]).toEqual([5, 6]);
  });

  test('sequenceSetPairs of a short set', () => {
    expect([...sequenceSetPairs(modified('2:*,4'))]).toEqual([2, 0, 4, 4]);
  });
});
