/**
 * OBJECTID (src/parser/ext/objectid.ts): RFC 8474 examples (EMAILID, THREADID, MAILBOXID code),
 * refusals.
 */
import { describe, test } from 'vitest';
import type { FetchAttributes, FetchResponse } from '../../src/index.ts';
import { expectDecoded, expectOne, expectRefused } from '../helpers/ext.ts';

function fetch(seq: number, attributes: FetchAttributes): FetchResponse {
  return { type: 'untagged', kind: 'fetch', seq, attributes };
}

describe('known answers', () => {
  test('RFC 8474 §5.1 / §5.2 examples', () => {
    expectDecoded(
      '* 3 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9) UID 3)\r\n' +
        '* 4 FETCH (EMAILID (M5fdc09b49ea703) THREADID (T11863d02dd95b5) UID 4)\r\n' +
        '* 2 FETCH (EMAILID (M00000002) THREADID NIL UID 6)\r\n',
      [
        fetch(3, { emailId: 'M6d99ac3275bb4e', threadId: 'T64b478a75b7ea9', uid: 3 }),
        fetch(4, { emailId: 'M5fdc09b49ea703', threadId: 'T11863d02dd95b5', uid: 4 }),
        fetch(2, { emailId: 'M00000002', threadId: null, uid: 6 }),
      ],
    );
  });

  test('RFC 8474 §4.1: MAILBOXID code after CREATE', () => {
    expectOne('3 OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Completed\r\n', {
      type: 'tagged',
      tag: '3',
      status: 'OK',
      code: { name: 'MAILBOXID', id: 'F2212ea87-6097-4256-9d51-71338625' },
      text: 'Completed',
    });
  });

  test('an objectid of 255 characters (the most objectid allows)', () => {
    const id = 'a'.repeat(255);
    expectOne(`* 1 FETCH (EMAILID (${id}))\r\n`, fetch(1, { emailId: id }));
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('EMAILID without parentheses', () => {
    expectRefused('* 1 FETCH (EMAILID M1)\r\n', 'SYNTAX', 19);
  });
  test('EMAILID NIL (only THREADID may be NIL)', () => {
    expectRefused('* 1 FETCH (EMAILID NIL)\r\n', 'SYNTAX', 19);
  });
  test('a character outside ALPHA / DIGIT / "_" / "-"', () => {
    expectRefused('* 1 FETCH (EMAILID (M1.2))\r\n', 'SYNTAX', 22);
  });
  test('an empty objectid', () => {
    expectRefused('* 1 FETCH (THREADID ())\r\n', 'SYNTAX', 21);
  });
  test('an objectid of 256 characters', () => {
    expectRefused(`* 1 FETCH (EMAILID (${'a'.repeat(256)}))\r\n`, 'SYNTAX', 20);
  });
});
