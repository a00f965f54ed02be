/** Modified UTF-7 (RFC 3501 §5.1.3): known answers, refusals, and round trips. */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { ImapEncodeError } from '../../src/encoder/errors.ts';
import { decodeModifiedUtf7, encodeModifiedUtf7 } from '../../src/encoder/mutf7.ts';

describe('modified UTF-7', () => {
  test.each([
    ['~peter/mail/台北/日本語', '~peter/mail/&U,BTFw-/&ZeVnLIqe-'], // RFC 3501 §5.1.3
    ['&', '&-'],
    ['A&B', 'A&-B'],
    ['', ''],
    ['Entwürfe', 'Entw&APw-rfe'],
    ['Отправленные', '&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-'],
    ['😀', '&2D3eAA-'],
    ['a\r\nb', 'a&AA0ACg-b'],
    ['\0', '&AAA-'],
    ['é&', '&AOk-&-'],
    ['~', '~'],
  ])('%j ↔ %s', (text, wire) => {
    expect(encodeModifiedUtf7(text)).toBe(wire);
    expect(decodeModifiedUtf7(wire)).toBe(text);
  });

  test.each([
    ['&Jjo', 'no closing "-"'],
    ['&AGE-', 'encoded printable ASCII ("a")'],
    ['&AOk-&AOk-', 'a null shift: two adjacent runs'],
    ['&AO-', 'a run that ends inside a character'],
    ['&AOl-', 'non-zero padding bits'],
    ['&2D0-', 'a lone high surrogate'],
    ['&3gA-', 'a lone low surrogate'],
    ['&AO!-', 'a character outside modified base64'],
    ['&AO/-', '"/" instead of ","'],
    ['caf\u00e9', '8-bit'],
    ['a\tb', 'a control character'],
    ['&-&', 'a trailing "&"'],
  ])('refuses %j (%s)', (wire) => {
    expect(decodeModifiedUtf7(wire)).toBeUndefined();
  });

  test('refuses to encode a lone surrogate', () => {
    expect(() => encodeModifiedUtf7('a\ud800')).toThrow(ImapEncodeError);
    expect(() => encodeModifiedUtf7('\udc00a')).toThrow(/INVALID_UNICODE/);
  });

  fcTest.prop([fc.string({ unit: 'grapheme' })])(
    'decode(encode(s)) === s, and the wire form is printable ASCII',
    (s) => {
      const w = encodeModifiedUtf7(s);
      expect(/^[\x20-\x7e]*$/.test(w)).toBe(true);
      expect(decodeModifiedUtf7(w)).toBe(s);
    },
  );

  fcTest.prop([fc.string({ unit: 'binary' })])('encodes any well-formed UTF-16 string, reversibly', (s) => {
    expect(decodeModifiedUtf7(encodeModifiedUtf7(s))).toBe(s);
  });

  fcTest.prop([fc.string({ unit: fc.constantFrom('&', '-', 'A', 'O', 'k', ',', '+', 'Z', '2', 'D') })])(
    'a decoded name encodes back to the same text (one form per name)',
    (w) => {
      const d = decodeModifiedUtf7(w);
      if (d !== undefined) expect(encodeModifiedUtf7(d)).toBe(w);
    },
  );
});
