/**
 * VANISHED (src/parser/ext/vanished.ts): RFC 7162 examples, Dovecot 2.3.19 captures
 * (fixtures/dovecot qresync), refusals.
 */
import { describe, test } from 'vitest';
import type { SequenceRange, VanishedResponse } from '../../src/index.ts';
import { expectDecoded, expectOne, expectRefused } from '../helpers/ext.ts';

function vanished(earlier: boolean, text: string, ...ranges: [number, number][]): VanishedResponse {
  return {
    type: 'untagged',
    kind: 'vanished',
    earlier,
    uids: { text, ranges: ranges.map(([start, end]): SequenceRange => ({ start, end })) },
  };
}

describe('known answers', () => {
  test('RFC 7162 §3.2.5.1 example: VANISHED (EARLIER) after SELECT … QRESYNC', () => {
    expectOne(
      '* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n',
      vanished(
        true,
        '41,43:116,118,120:211,214:540',
        [41, 41],
        [43, 116],
        [118, 118],
        [120, 211],
        [214, 540],
      ),
    );
  });

  test('RFC 7162 §3.2.10 example: VANISHED after an EXPUNGE', () => {
    expectOne(
      '* VANISHED 405,407,410,425\r\n',
      vanished(false, '405,407,410,425', [405, 405], [407, 407], [410, 410], [425, 425]),
    );
  });

  test('Dovecot 2.3.19 QRESYNC; "(earlier)" in any case', () => {
    expectDecoded('* VANISHED (EARLIER) 5:6\r\n* VANISHED 5:6\r\n* VANISHED (earlier) 7\r\n', [
      vanished(true, '5:6', [5, 6]),
      vanished(false, '5:6', [5, 6]),
      vanished(true, '7', [7, 7]),
    ]);
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('"*" (known-uids: "*" is not allowed)', () => {
    expectRefused('* VANISHED 1:*\r\n', 'SYNTAX', 13);
  });
  test('UID 0', () => {
    expectRefused('* VANISHED 0\r\n', 'SYNTAX', 11);
  });
  test('no UIDs', () => {
    expectRefused('* VANISHED (EARLIER)\r\n', 'SYNTAX', 20);
  });
  test('another word than EARLIER', () => {
    expectRefused('* VANISHED (LATER) 1\r\n', 'SYNTAX', 12);
  });
});
