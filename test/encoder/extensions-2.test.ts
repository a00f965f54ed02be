/**
 * Known answers from the extension RFCs' examples (CONDSTORE/QRESYNC, UIDPLUS, MOVE, SORT/THREAD, METADATA, QUOTA, NOTIFY, BINARY, PREVIEW, OBJECTID), byte for byte (keyword case aside: NOTIFY's
 * examples are in lower case, the encoder writes the ABNF's case). Each line names its source.
 */
import { describe, expect, test } from 'vitest';
import { EXTENSION_CASES_2 } from './cases.ts';
import { expectWire, shape } from './helpers.ts';

describe('extension RFC examples (2), byte for byte', () => {
  test.each(EXTENSION_CASES_2)('%s', (_, cmd, expected) => {
    expect(shape(expectWire(cmd, expected))).toEqual(['line']);
  });

  test('RFC 5464 §4.3: a multi-line value is a literal', () => {
    // The RFC's count, 33, is that of the text with LF line ends.
    const value = 'My new comment across\ntwo lines.\n';
    const f = expectWire(
      { name: 'SETMETADATA', mailbox: 'INBOX', entries: [{ entry: '/private/comment', value }] },
      `a SETMETADATA INBOX (/private/comment {33}\r\n${value})\r\n`,
    );
    expect(shape(f)).toEqual(['line', 'literal:sync:33', 'line']);
  });
});
