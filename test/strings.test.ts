/**
 * The string primitives under every parser: ASCII and UTF-8 decoding from byte ranges, the
 * byte-keyed string cache, and header text (8-bit + RFC 2047), each against an oracle.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { StringCache } from '../src/lexer/string-cache.ts';
import { asciiString, lowerAtom } from '../src/lexer/strings.ts';
import { utf8Strict } from '../src/lexer/utf8.ts';
import { decodeHeaderBytes } from '../src/mime/charset.ts';
import { decodeEncodedWords } from '../src/mime/encoded-words.ts';
import { headerText, headerTextChanged } from '../src/mime/header-text.ts';
import { decodeEncodedWordsOracle } from './helpers/encoded-words-oracle.ts';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function oracleUtf8(b: Uint8Array): string | undefined {
  try {
    return fatal.decode(b);
  } catch {
    return undefined;
  }
}

/** Bytes that exercise UTF-8's edges: ASCII, tails, every lead class, the overlong/surrogate bounds. */
const utf8ish = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        0x41,
        0x80,
        0x8f,
        0x90,
        0x9f,
        0xa0,
        0xbf,
        0xc0,
        0xc1,
        0xc2,
        0xdf,
        0xe0,
        0xed,
        0xef,
        0xbb,
        0xf0,
        0xf4,
        0xf5,
        0xff,
      ),
      { maxLength: 24 },
    )
    .map((a) => new Uint8Array(a)),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
);

describe('utf8Strict', () => {
  fcTest.prop([utf8ish, fc.nat(4)], { numRuns: 3000 })(
    'agrees with TextDecoder({ fatal: true, ignoreBOM: true })',
    (b, pad) => {
      // The value sits inside a larger buffer, as it does inside a frame.
      const buf = new Uint8Array(b.length + 2 * pad);
      buf.fill(0x80);
      buf.set(b, pad);
      expect(utf8Strict(buf, pad, pad + b.length)).toBe(oracleUtf8(b));
    },
  );

  test.each([
    ['overlong 2-byte', [0xc0, 0xaf]],
    ['overlong 3-byte', [0xe0, 0x80, 0xaf]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['truncated at the end', [0x41, 0xe2, 0x82]],
    ['lone tail', [0x80]],
  ])('refuses %s', (_n, b) => {
    expect(utf8Strict(new Uint8Array(b), 0, b.length)).toBeUndefined();
  });

  test('a leading BOM is kept (U+FEFF is data); 4-byte characters become surrogate pairs', () => {
    const b = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xf0, 0x9f, 0x98, 0x80]);
    expect(utf8Strict(b, 0, b.length)).toBe('\ufeffa😀');
    const long = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('é'.repeat(200))]);
    expect(utf8Strict(long, 0, long.length)).toBe(`\ufeff${'é'.repeat(200)}`);
  });

  test('values past the JS limit go to TextDecoder with the same answers', () => {
    const s = 'Jürgen '.repeat(100);
    const b = new TextEncoder().encode(s);
    expect(utf8Strict(b, 0, b.length)).toBe(s);
    expect(utf8Strict(new Uint8Array([...b, 0xff]), 0, b.length + 1)).toBeUndefined();
  });
});

describe('asciiString', () => {
  test('every length from 0 to 300 and past the apply limit, at odd offsets', () => {
    const buf = new Uint8Array(20000);
    for (let i = 0; i < buf.length; i++) buf[i] = 0x20 + ((i * 7) % 0xdf);
    for (const n of [...Array(301).keys(), 8191, 8192, 8193, 19000]) {
      const start = n % 5;
      let expected = '';
      for (let i = start; i < start + n; i++) expected += String.fromCharCode(buf[i]!);
      expect(asciiString(buf, start, start + n)).toBe(expected);
    }
  });
});

describe('StringCache', () => {
  test('colliding keys in a one-slot cache each give their own string', () => {
    const cache = new StringCache(1, 16);
    const a = new TextEncoder().encode('xxalphaxx');
    const b = new TextEncoder().encode('beta');
    expect(cache.lookup(a, 2, 7)).toBeUndefined();
    expect(cache.store(a, 2, 7, 'alpha')).toBe('alpha');
    expect(cache.lookup(a, 2, 7)).toBe('alpha');
    expect(cache.lookup(b, 0, 4)).toBeUndefined();
    cache.store(b, 0, 4, 'beta');
    expect(cache.lookup(b, 0, 4)).toBe('beta');
    expect(cache.lookup(a, 2, 7)).toBeUndefined();
    // Same length, one byte apart.
    expect(cache.lookup(new TextEncoder().encode('betb'), 0, 4)).toBeUndefined();
  });

  test('the key is a copy: changing the source bytes later does not change the entry', () => {
    const cache = new StringCache(8, 16);
    const a = new TextEncoder().encode('host');
    cache.lookup(a, 0, 4);
    cache.store(a, 0, 4, 'host');
    a[0] = 0x67;
    expect(cache.lookup(a, 0, 4)).toBeUndefined();
    expect(cache.lookup(new TextEncoder().encode('host'), 0, 4)).toBe('host');
  });

  test('values longer than the limit are never stored', () => {
    const cache = new StringCache(8, 4);
    const a = new TextEncoder().encode('longer');
    expect(cache.lookup(a, 0, 6)).toBeUndefined();
    cache.store(a, 0, 6, 'longer');
    expect(cache.lookup(a, 0, 6)).toBeUndefined();
  });

  test('lowerAtom: "TEXT" and "text" give one value', () => {
    const t = new TextEncoder();
    expect(lowerAtom(t.encode('TEXT'), 0, 4)).toBe('text');
    expect(lowerAtom(t.encode('text'), 0, 4)).toBe('text');
    expect(lowerAtom(t.encode('Quoted-Printable'), 0, 16)).toBe('quoted-printable');
  });
});

/** Pieces of header text: encoded words good and bad, white space, plain and 8-bit text. */
const piece = fc.constantFrom(
  '=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=',
  '=?utf-8?b?w4lsb2RpZQ==?=',
  '=?UTF-8?B?w4lsb2RpZQ?=',
  '=?UTF-8?B?w4k=?=',
  '=?UTF-8?B?w6k=?=',
  '=?UTF-8?Q?=E2=82?=',
  '=?UTF-8?Q?=AC?=',
  '=?ISO-8859-1?Q?R=E9sum=E9?=',
  '=?windows-1252?Q?=93x=94?=',
  '=?KOI8-R?B?8NLJ18XU?=',
  '=?x-unknown?Q?won?=',
  '=?UTF-8?B?bad base64?=',
  '=?UTF-8?B?/w==?=',
  '=?UTF-8?Q?a=ZZ?=',
  '=?UTF-8?Q?end=?=',
  '=?UTF-8*en?Q?hi?=',
  '=?UTF-8?X?x?=',
  '=?"bad"?Q?x?=',
  '=??Q?x?=',
  '=?UTF-8?Q?',
  '=?',
  '?=',
  '=',
  ' ',
  '  ',
  '\t',
  'Re: ',
  'plain',
  'caf\u00e9',
  '\u20ac',
  '\u00ff',
);
const headerBytes = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((a) => new TextEncoder().encode(a.join(''))),
  // Not UTF-8: the 8-bit text is windows-1252.
  fc.array(fc.oneof(piece, fc.constantFrom('\x93q\x94', 'G\xfc')), { maxLength: 6 }).map((a) => {
    const s = a.join('');
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
    return out;
  }),
);

describe('header text (8-bit and RFC 2047) against the string oracle', () => {
  fcTest.prop([headerBytes, fc.boolean()], { numRuns: 4000 })(
    'headerText ≡ oracle(decodeHeaderBytes(b))',
    (b, cached) => {
      const expected = decodeEncodedWordsOracle(decodeHeaderBytes(b));
      const cache = cached ? new StringCache(64, 64) : null;
      const buf = new Uint8Array(b.length + 3);
      buf.set(b, 3);
      expect(headerText(buf, 3, 3 + b.length, cache)).toBe(expected);
      // A second reading (from the cache when there is one) gives the same value and flag.
      const ascii = b.every((c) => c < 0x80);
      const same = ascii && expected === String.fromCharCode(...b);
      expect(headerTextChanged()).toBe(!same);
      expect(headerText(buf, 3, 3 + b.length, cache)).toBe(expected);
      expect(headerTextChanged()).toBe(!same);
    },
  );

  fcTest.prop([fc.array(piece, { maxLength: 8 })], { numRuns: 2000 })(
    'decodeEncodedWords(string) ≡ oracle',
    (a) => {
      const s = a.join('');
      expect(decodeEncodedWords(s)).toBe(decodeEncodedWordsOracle(s));
    },
  );
});
