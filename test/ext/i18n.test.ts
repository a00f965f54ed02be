/**
 * LANGUAGE and COMPARATOR (src/parser/ext/i18n.ts): RFC 5255 examples, refusals.
 */
import { describe, test } from 'vitest';
import { expectDecoded, expectRefused } from '../helpers/ext.ts';

describe('known answers', () => {
  test('RFC 5255 §3.3 LANGUAGE examples', () => {
    expectDecoded('* LANGUAGE (EN DE IT i-default)\r\n* LANGUAGE (DE)\r\n', [
      { type: 'untagged', kind: 'language', languages: ['EN', 'DE', 'IT', 'i-default'] },
      { type: 'untagged', kind: 'language', languages: ['DE'] },
    ]);
  });

  test('RFC 5255 §4.7 COMPARATOR examples, with and without the matching list', () => {
    expectDecoded('* COMPARATOR i;unicode-casemap\r\n* COMPARATOR i;basic (i;basic i;ascii-casemap)\r\n', [
      { type: 'untagged', kind: 'comparator', comparator: 'i;unicode-casemap' },
      {
        type: 'untagged',
        kind: 'comparator',
        comparator: 'i;basic',
        matching: ['i;basic', 'i;ascii-casemap'],
      },
    ]);
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('LANGUAGE without a list', () => {
    expectRefused('* LANGUAGE EN\r\n', 'SYNTAX', 11);
  });
  test('an empty LANGUAGE list', () => {
    expectRefused('* LANGUAGE ()\r\n', 'SYNTAX', 12);
  });
});
