/** Charset decoding by pieces, and the text of a fetched prefix (transfer + charset). */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  createCharsetDecoder,
  decodePartPrefix,
  incompleteTailLimit,
  wholeCharacterLength,
} from '../../src/index.ts';
import { base64Lines, quotedPrintable } from '../helpers/mime-encode.ts';

const u8 = (...b: number[]) => new Uint8Array(b);

describe('charset decoding by pieces', () => {
  test('a UTF-8 character cut between pieces waits for the next', () => {
    const dec = createCharsetDecoder('UTF-8')!;
    expect(dec.push(u8(0x63, 0x61, 0x66, 0xc3))).toBe('caf');
    expect(dec.push(u8(0xa9, 0xe2, 0x82))).toBe('é');
    expect(dec.push(u8(0xac))).toBe('€');
    expect(dec.push(u8(0xf0, 0x9f))).toBe('');
    expect(dec.end()).toBe('\ufffd'); // the body ended inside a character
  });

  test('one decoder per stream: two streams do not share a cut character', () => {
    const a = createCharsetDecoder('utf-8')!;
    const b = createCharsetDecoder('utf-8')!;
    expect(a.push(u8(0xc3))).toBe('');
    expect(b.push(u8(0x41))).toBe('A');
    expect(a.push(u8(0xa9))).toBe('é');
  });

  test('windows-1252 (and what mail labels ISO-8859-1) is one octet a character', () => {
    expect(createCharsetDecoder('iso-8859-1')!.push(u8(0x93, 0xe4, 0x94))).toBe('“ä”');
  });

  test.each([
    ['shift_jis', [0x93, 0xfa, 0x96, 0x7b], '日本'],
    ['cp1251', [0xcf, 0xf0, 0xe8], 'При'],
    ['koi8-r', [0xf0, 0xd2, 0xc9], 'При'],
    ['utf-16le', [0x3d, 0xd8, 0x00, 0xde], '😀'],
  ])('%s by one octet per piece', (charset, bytes, expected) => {
    const dec = createCharsetDecoder(charset)!;
    expect(bytes.map((b) => dec.push(u8(b))).join('') + dec.end()).toBe(expected);
  });

  test('an unknown charset has no decoder', () => {
    expect(createCharsetDecoder('x-unknown-charset')).toBeUndefined();
    expect(createCharsetDecoder('iso-2022-kr')).toBeUndefined(); // WHATWG "replacement"
  });

  test.each([
    [[0x61, 0xe2, 0x82], 'utf-8', 1],
    [[0x61, 0xe2, 0x82, 0xac], 'utf-8', 4],
    [[0x61, 0xe0, 0x80], 'utf-8', 3], // E0 80 is no start of a character: U+FFFD at once
    [[0x61, 0xf0, 0x9f, 0x98], 'utf-8', 1],
    [[0x93, 0xfa, 0x96], 'shift_jis', 2],
    [[0x3d, 0xd8, 0x00], 'utf-16le', 0], // a high surrogate waits for its pair
    [[0xe4, 0xf6], 'iso-8859-1', 2],
    [[0x1b, 0x24], 'iso-2022-jp', 0],
  ])('wholeCharacterLength(%j, %s) = %d', (bytes, charset, n) => {
    expect(wholeCharacterLength(u8(...bytes), charset)).toBe(n);
  });

  test.each([
    ['utf-8', 3],
    ['ISO-8859-15', 0],
    ['windows-1256', 0],
    ['us-ascii', 0],
    ['shift_jis', 1],
    ['x-unknown', 3],
  ])('incompleteTailLimit(%s) = %d', (charset, n) => {
    expect(incompleteTailLimit(charset)).toBe(n);
  });
});

describe('decodePartPrefix', () => {
  test('a base64 UTF-8 prefix cut inside a quantum and inside a character', () => {
    // "Grüße €" as UTF-8, base64 "R3LDvMOfZSDigqw="
    const enc = new TextEncoder().encode('R3LDvMOfZSDigqw=');
    const got = decodePartPrefix(enc.subarray(0, 14), {
      encoding: 'base64',
      charset: 'utf-8',
      partial: true,
      bytes: 14,
    });
    // 12 characters → 9 octets "Grüße " + E2; the € is cut: 8 whole octets.
    expect(got).toMatchObject({
      text: 'Grüße ',
      wholeBytes: 8,
      complete: false,
      encodingKnown: true,
      charsetKnown: true,
    });
    expect(got.decoded.length).toBe(9);
    const all = decodePartPrefix(enc, { encoding: 'base64', charset: 'utf-8', partial: true, bytes: 100 });
    expect(all).toMatchObject({ text: 'Grüße €', complete: true });
  });

  test('BINARY octets are decoded by charset only', () => {
    const got = decodePartPrefix(new Uint8Array([0x3d, 0x41]), {
      encoding: 'quoted-printable',
      binary: true,
      charset: 'us-ascii',
      partial: false,
      bytes: 2,
    });
    expect(got.text).toBe('=A');
  });

  test('unknown encoding and charset: the octets as fetched, read as UTF-8', () => {
    const got = decodePartPrefix(new TextEncoder().encode('begin 644 é'), {
      encoding: 'x-uuencode',
      charset: 'x-made-up',
      partial: false,
      bytes: 12,
    });
    expect(got).toMatchObject({ text: 'begin 644 é', encodingKnown: false, charsetKnown: false });
  });
});

/** Text arbitraries and how to put them in bytes. */
const ascii = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});
const latin = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
    .map((c) => String.fromCharCode(c)),
  maxLength: 300,
});
const unicode = fc.string({ unit: 'grapheme', maxLength: 120 });
const lines = (s: fc.Arbitrary<string>) => fc.array(s, { maxLength: 4 }).map((l) => l.join('\r\n'));

const cases = fc.oneof(
  fc.record({ text: lines(ascii), charset: fc.constant('us-ascii') }),
  fc.record({ text: lines(latin), charset: fc.constantFrom('iso-8859-1', 'windows-1252') }),
  fc.record({ text: lines(unicode), charset: fc.constantFrom('utf-8', 'UTF-8') }),
);

function inCharset(text: string, charset: string): Uint8Array {
  return charset.toLowerCase() === 'utf-8'
    ? new TextEncoder().encode(text)
    : new Uint8Array(Buffer.from(text, 'latin1'));
}

function transferEncode(bytes: Uint8Array, encoding: string): Uint8Array {
  if (encoding === 'base64') return base64Lines(bytes);
  if (encoding === 'quoted-printable') return quotedPrintable(bytes, 76);
  return bytes;
}

describe('properties: every prefix of a part decodes to a prefix of its text', () => {
  test.prop([cases, fc.constantFrom('base64', 'quoted-printable', '8bit')], { numRuns: 150 })(
    'text grows with the prefix, is a prefix of the whole text, wholeBytes counts it',
    ({ text, charset }, encoding) => {
      const enc = transferEncode(inCharset(text, charset), encoding);
      const whole = decodePartPrefix(enc, { encoding, charset, partial: false, bytes: enc.length });
      expect(whole.text).toBe(text);
      let last = '';
      for (let k = 0; k <= enc.length; k++) {
        const got = decodePartPrefix(enc.subarray(0, k), { encoding, charset, partial: true, bytes: k });
        expect(text.startsWith(got.text)).toBe(true);
        expect(got.text.startsWith(last)).toBe(true);
        expect(got.wholeBytes).toBe(inCharset(got.text, charset).length);
        expect(got.decoded.length - got.wholeBytes).toBeLessThanOrEqual(incompleteTailLimit(charset));
        last = got.text;
      }
    },
  );

  test.prop([cases, fc.array(fc.nat(), { maxLength: 10 })], { numRuns: 300 })(
    'charset pieces at random splits decode to the whole text',
    ({ text, charset }, cuts) => {
      const bytes = inCharset(text, charset);
      const at = [...new Set(cuts.map((c) => c % (bytes.length + 1))), bytes.length].sort((a, b) => a - b);
      const dec = createCharsetDecoder(charset)!;
      let out = '';
      let from = 0;
      for (const c of at) {
        out += dec.push(bytes.subarray(from, c));
        from = c;
      }
      expect(out + dec.end()).toBe(text);
    },
  );
});

test('a leading U+FEFF is text, as in every value', () => {
  expect(createCharsetDecoder('utf-8')!.push(u8(0xef, 0xbb, 0xbf, 0x41))).toBe('\ufeffA');
});
