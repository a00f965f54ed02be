/**
 * SORT and THREAD (src/parser/ext/sort-thread.ts): RFC 5256 and RFC 7162 examples, Dovecot
 * 2.3.19 captures (fixtures/dovecot search), deep and long inputs, refusals.
 */
import { describe, expect, test } from 'vitest';
import type { SortResponse, Thread, ThreadResponse } from '../../src/index.ts';
import { bytes, decodeWhole } from '../helpers/decode.ts';
import { expectDecoded, expectOne, expectRefused } from '../helpers/ext.ts';

function sort(ids: number[], modseq?: bigint): SortResponse {
  const r: SortResponse = { type: 'untagged', kind: 'sort', ids };
  if (modseq !== undefined) r.modseq = modseq;
  return r;
}

function t(ids: number[], ...children: Thread[]): Thread {
  return { ids, children };
}

function thread(...threads: Thread[]): ThreadResponse {
  return { type: 'untagged', kind: 'thread', threads };
}

describe('SORT', () => {
  test('RFC 5256 §4 examples', () => {
    expectDecoded('* SORT 2 84 882\r\n* SORT 5 3 4 1 2\r\n* SORT\r\n', [
      sort([2, 84, 882]),
      sort([5, 3, 4, 1, 2]),
      sort([]),
    ]);
  });

  test('RFC 7162 §3.1.5: SORT with MODSEQ; Dovecot 2.3.19 `SORT (ARRIVAL) UTF-8 MODSEQ 1`', () => {
    expectDecoded(
      '* SORT 2 84 882 (MODSEQ 917162500)\r\n* SORT 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 (MODSEQ 30)\r\n',
      [
        sort([2, 84, 882], 917162500n),
        sort(
          [...Array(25).keys()].map((i) => i + 1),
          30n,
        ),
      ],
    );
  });

  test('refusals: 0, junk, a trailing SP (no server is known to need it)', () => {
    expectRefused('* SORT 2 0 3\r\n', 'SYNTAX', 9);
    expectRefused('* SORT 2 x\r\n', 'SYNTAX', 9);
    expectRefused('* SORT 2 \r\n', 'SYNTAX', 9);
  });
});

describe('THREAD', () => {
  test('RFC 5256 §4 example: (2)(3 6 (4 23)(44 7 96))', () => {
    expectOne('* THREAD (2)(3 6 (4 23)(44 7 96))\r\n', thread(t([2]), t([3, 6], t([4, 23]), t([44, 7, 96]))));
  });

  test('RFC 5256 §4: a thread whose first message is missing, ((3)(5))', () => {
    expectOne('* THREAD ((3)(5))\r\n', thread(t([], t([3]), t([5]))));
  });

  test('nothing found', () => {
    expectOne('* THREAD\r\n', thread());
  });

  test('Dovecot 2.3.19 THREAD=REFS and THREAD=REFERENCES', () => {
    const singles = (from: number, to: number): Thread[] => {
      const out: Thread[] = [];
      for (let i = from; i <= to; i++) out.push(t([i]));
      return out;
    };
    expectDecoded(
      '* THREAD (1)(2)(3)(4)(5)(6)(7)(8)(9)(10)(11)(12)(13)(14)(15)(16)(17)(18)(19)(20 21 22)(23)(24)(25)\r\n' +
        '* THREAD (1)(2)(3)(4)(5)(6)(7)(8)(9)(10)(11)(12)(13)(14)(15)(16)(17)(18)(19)(20 (21)(22))(23)(24)(25)\r\n',
      [
        thread(...singles(1, 19), t([20, 21, 22]), ...singles(23, 25)),
        thread(...singles(1, 19), t([20], t([21]), t([22])), ...singles(23, 25)),
      ],
    );
  });

  test('nested branches inside branches', () => {
    expectOne('* THREAD (1 (2 (3)(4 5))(6))\r\n', thread(t([1], t([2], t([3]), t([4, 5])), t([6]))));
  });

  test('a 10,000-message chain is one node (no deep tree, no recursion)', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const [r] = decodeWhole(bytes(`* THREAD (${ids.join(' ')})\r\n`));
    expect(r).toStrictEqual(thread(t(ids)));
  });

  test('nesting past maxDepth ends in DEPTH_EXCEEDED at the first "(" too many', () => {
    // (1 (2 (3 … (300 (0): each level opens one more list, never closed.
    let s = '';
    for (let i = 1; i <= 300; i++) s += `(${i} `;
    s += '(0)';
    // The default maxDepth is 256: the 257th "(" is refused.
    expectRefused(`* THREAD ${s}\r\n`, 'DEPTH_EXCEEDED', '* THREAD '.length + s.indexOf('(257 '));
  });

  test('refusals: one nested list (thread-nested = 2*thread-list), an empty list, 0, a SP between lists', () => {
    expectRefused('* THREAD (1 (2))\r\n', 'SYNTAX', 15);
    expectRefused('* THREAD ()\r\n', 'SYNTAX', 10);
    expectRefused('* THREAD (0)\r\n', 'SYNTAX', 10);
    expectRefused('* THREAD (1) (2)\r\n', 'SYNTAX', 12);
    expectRefused('* THREAD (1 2\r\n', 'SYNTAX', 13);
  });
});
