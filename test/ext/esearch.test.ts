/**
 * ESEARCH (src/parser/ext/esearch.ts): RFC 4731 / RFC 9051, RFC 9394, RFC 7162 examples, Dovecot
 * 2.3.19 captures (fixtures/dovecot search; `UID SEARCH RETURN (PARTIAL 1:3) ALL` and
 * `SEARCH RETURN (MIN MAX COUNT ALL) MODSEQ 1` captured on 127.0.0.1), refusals.
 */
import { describe, test } from 'vitest';
import type { EsearchResponse, SequenceRange, SequenceSet } from '../../src/index.ts';
import { bytes, expectDecoded, expectOne, expectRefused } from '../helpers/ext.ts';

function es(fields: Omit<EsearchResponse, 'type' | 'kind' | 'uid'> & { uid?: boolean }): EsearchResponse {
  return { type: 'untagged', kind: 'esearch', uid: false, ...fields };
}

function set(text: string, ...ranges: [number | '*', number | '*'][]): SequenceSet {
  return { text, ranges: ranges.map(([start, end]): SequenceRange => ({ start, end })) };
}

describe('known answers', () => {
  test('RFC 9051 §6.4.4 / RFC 4731 §3.1 examples', () => {
    expectDecoded(
      '* ESEARCH (TAG "A282") MIN 2 COUNT 3\r\n' +
        '* ESEARCH (TAG "A283") ALL 2,10:11\r\n' +
        '* ESEARCH (TAG "A285") UID MIN 7 MAX 3800\r\n' +
        '* ESEARCH (TAG "A286") COUNT 15\r\n',
      [
        es({ tag: 'A282', min: 2, count: 3 }),
        es({ tag: 'A283', all: set('2,10:11', [2, 2], [10, 11]) }),
        es({ tag: 'A285', uid: true, min: 7, max: 3800 }),
        es({ tag: 'A286', count: 15 }),
      ],
    );
  });

  test('nothing found: only the correlator; no correlator at all; UID alone', () => {
    expectDecoded('* ESEARCH (TAG "A1")\r\n* ESEARCH\r\n* ESEARCH UID\r\n* ESEARCH (TAG "A2") UID\r\n', [
      es({ tag: 'A1' }),
      es({}),
      es({ uid: true }),
      es({ tag: 'A2', uid: true }),
    ]);
  });

  test('RFC 9051 tag-string = astring: an atom tag; item names case-insensitive', () => {
    expectOne('* ESEARCH (tag A1) uid min 3\r\n', es({ tag: 'A1', uid: true, min: 3 }));
  });

  test('RFC 9394 §3.1 PARTIAL: from the start, from the end, nothing in the range', () => {
    expectDecoded(
      '* ESEARCH (TAG "A01") UID PARTIAL (1:100 200:250,252:300)\r\n' +
        '* ESEARCH (TAG "A02") UID PARTIAL (-1:-100 8000:8100)\r\n' +
        '* ESEARCH (TAG "A03") UID PARTIAL (101:200 NIL)\r\n',
      [
        es({
          tag: 'A01',
          uid: true,
          partial: { start: 1, end: 100, results: set('200:250,252:300', [200, 250], [252, 300]) },
        }),
        es({
          tag: 'A02',
          uid: true,
          partial: { start: -1, end: -100, results: set('8000:8100', [8000, 8100]) },
        }),
        es({ tag: 'A03', uid: true, partial: { start: 101, end: 200, results: null } }),
      ],
    );
  });

  test('RFC 7162 §3.1.5: MODSEQ in ESEARCH, exact above 2^53', () => {
    expectOne(
      '* ESEARCH (TAG "a") ALL 1:3,5 MODSEQ 9007199254740993\r\n',
      es({ tag: 'a', all: set('1:3,5', [1, 3], [5, 5]), modseq: 9007199254740993n }),
    );
  });

  test('Dovecot 2.3.19: MIN MAX ALL COUNT, UID ALL, PARTIAL, MODSEQ', () => {
    expectDecoded(
      '* ESEARCH (TAG "A7") MIN 2 MAX 25 ALL 2,9,11:12,14:15,18,22:23,25 COUNT 10\r\n' +
        '* ESEARCH (TAG "A8") UID ALL 4,9\r\n' +
        '* ESEARCH (TAG "j") UID PARTIAL (1:3 1:3)\r\n' +
        '* ESEARCH (TAG "k") MIN 1 MAX 25 ALL 1:25 COUNT 25 MODSEQ 30\r\n',
      [
        es({
          tag: 'A7',
          min: 2,
          max: 25,
          all: set(
            '2,9,11:12,14:15,18,22:23,25',
            [2, 2],
            [9, 9],
            [11, 12],
            [14, 15],
            [18, 18],
            [22, 23],
            [25, 25],
          ),
          count: 10,
        }),
        es({ tag: 'A8', uid: true, all: set('4,9', [4, 4], [9, 9]) }),
        es({ tag: 'j', uid: true, partial: { start: 1, end: 3, results: set('1:3', [1, 3]) } }),
        es({ tag: 'k', min: 1, max: 25, all: set('1:25', [1, 25]), count: 25, modseq: 30n }),
      ],
    );
  });

  test('unknown return data kept as a value tree (RFC 5267 ADDTO, RFC 6203 RELEVANCY shapes)', () => {
    expectOne(
      '* ESEARCH (TAG "C01") UID ADDTO (1 2733 1 2732) RELEVANCY (4 18 2) COUNT 3\r\n',
      es({
        tag: 'C01',
        uid: true,
        unknown: [
          { name: 'ADDTO', value: ['1', '2733', '1', '2732'] },
          { name: 'RELEVANCY', value: ['4', '18', '2'] },
        ],
        count: 3,
      }),
    );
  });

  test('an unknown item with a bare sequence set, and one with a string', () => {
    expectOne(
      '* ESEARCH X-SET 1:*,7 X-STR "a b"\r\n',
      es({
        unknown: [
          { name: 'X-SET', value: '1:*,7' },
          { name: 'X-STR', value: bytes('a b') },
        ],
      }),
    );
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('MIN 0 (nz-number)', () => {
    expectRefused('* ESEARCH (TAG "A1") MIN 0\r\n', 'SYNTAX', 25);
  });
  test('COUNT beyond 32 bits', () => {
    expectRefused('* ESEARCH COUNT 4294967296\r\n', 'NUMBER_RANGE', 16);
  });
  test('ALL without a set', () => {
    expectRefused('* ESEARCH ALL\r\n', 'SYNTAX', 13);
  });
  test('a correlator without TAG', () => {
    expectRefused('* ESEARCH (FOO "A1")\r\n', 'SYNTAX', 11);
  });
  test('a partial range with mixed signs', () => {
    expectRefused('* ESEARCH PARTIAL (1:-5 NIL)\r\n', 'SYNTAX', 21);
    expectRefused('* ESEARCH PARTIAL (-1:5 NIL)\r\n', 'SYNTAX', 22);
  });
  test('a partial range of 0 (nz-number)', () => {
    expectRefused('* ESEARCH PARTIAL (0:5 NIL)\r\n', 'SYNTAX', 19);
  });
  test('MODSEQ beyond 63 bits', () => {
    expectRefused('* ESEARCH MODSEQ 9223372036854775808\r\n', 'NUMBER_RANGE', 17);
  });
});
