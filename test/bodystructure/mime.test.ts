/** RFC 2047 encoded words, RFC 2231 parameters, charsets and RFC 5322 dates. */
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { decodeCharset, decodeEncodedWords, decodeHeaderBytes, parseMailDate } from '../../src/index.ts';
import { parseMailDateBytes } from '../../src/mime/date.ts';
import { joinParameters } from '../../src/mime/rfc2231.ts';
import { bytes, latin1 } from '../helpers/decode.ts';

describe('RFC 2047 encoded words', () => {
  test.each([
    ['B', '=?UTF-8?B?w4lsb2RpZQ==?=', 'Élodie'],
    ['Q with _ and =XX', '=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=', 'Jürgen Müller'],
    ['lower-case encoding letter', '=?utf-8?q?caf=C3=A9?=', 'café'],
    ['adjacent words join without the space between them (§6.2)', '=?UTF-8?Q?a?= =?UTF-8?Q?b?=', 'ab'],
    ['text around words keeps its spaces', 'Re: =?UTF-8?Q?caf=C3=A9?= ok', 'Re: café ok'],
    ['a UTF-8 character split across two words', '=?UTF-8?B?w4k=?= =?UTF-8?B?w6k=?=', 'Éé'],
    ['split inside one character', '=?UTF-8?Q?=E2=82?= =?UTF-8?Q?=AC?=', '€'],
    ['unpadded base64', '=?UTF-8?B?w4lsb2RpZQ?=', 'Élodie'],
    ['RFC 2231 language suffix', '=?UTF-8*en?Q?hello?=', 'hello'],
    ['ISO-8859-1', '=?ISO-8859-1?Q?R=E9sum=E9?=', 'Résumé'],
    ['windows-1252 quotes and euro', '=?windows-1252?Q?=93x=94_=80?=', '“x” €'],
    ['KOI8-R', '=?KOI8-R?B?8NLJ18XU?=', 'Привет'],
    ['ISO-2022-JP', '=?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=', 'こんにちは'],
    ['GB18030', '=?GB18030?B?xOO6ww==?=', '你好'],
    ['Big5', '=?Big5?B?pq2mdw==?=', '早安'],
    ['Shift_JIS', '=?Shift_JIS?B?gqCCog==?=', 'あい'],
    ['windows-1251', '=?windows-1251?Q?=CF=F0=E8=E2=E5=F2?=', 'Привет'],
  ])('%s', (_name, input, expected) => {
    expect(decodeEncodedWords(input)).toBe(expected);
  });

  test.each([
    ['unknown charset', '=?x-unknown?Q?You_have_won?='],
    ['broken base64', '=?UTF-8?B?broken base64?='],
    ['unterminated', '=?UTF-8?Q?unterminated'],
    ['bad Q escape', '=?UTF-8?Q?a=ZZ?='],
    ['invalid bytes for the charset', '=?UTF-8?B?/w==?='],
  ])('kept verbatim: %s', (_name, input) => {
    expect(decodeEncodedWords(input)).toBe(input);
  });
});

describe('RFC 2231 parameters', () => {
  const p = (...pairs: string[]): { name: Uint8Array; value: Uint8Array }[] => {
    const out = [];
    for (let i = 0; i < pairs.length; i += 2)
      out.push({ name: bytes(pairs[i]!), value: latin1(pairs[i + 1]!) });
    return out;
  };

  test('charset and language, percent-decoded', () => {
    expect(joinParameters(p('filename*', "iso-8859-1'fr'R%E9sum%E9.txt"))).toEqual([
      { name: 'filename', value: 'Résumé.txt', charset: 'iso-8859-1', language: 'fr' },
    ]);
  });

  test('continuations in order, the charset of segment 0, plain segments not decoded', () => {
    expect(joinParameters(p('NAME*1*', '%E2%82%AC', 'name*0*', "utf-8''a%20", 'name*2', '%41 b'))).toEqual([
      { name: 'name', value: 'a €%41 b', charset: 'utf-8' },
    ]);
  });

  test('plain continuations without charset', () => {
    expect(joinParameters(p('title*0', 'part one, ', 'title*1', 'part two'))).toEqual([
      { name: 'title', value: 'part one, part two' },
    ]);
  });

  test('the RFC 2231 form wins over a plain one of the same name; order of first appearance kept', () => {
    expect(
      joinParameters(p('charset', 'us-ascii', 'filename', 'x.pdf', 'filename*', "utf-8''%C3%A9.pdf")),
    ).toEqual([
      { name: 'charset', value: 'us-ascii' },
      { name: 'filename', value: 'é.pdf', charset: 'utf-8' },
    ]);
  });

  test('RFC 2047 inside a plain value (what many mailers send)', () => {
    expect(joinParameters(p('name', '=?UTF-8?B?0LrQsNGA0YLQuNC90LrQsC5naWY=?='))).toEqual([
      { name: 'name', value: 'картинка.gif' },
    ]);
  });

  test('names from the wire are values, never object keys', () => {
    const out = joinParameters(p('__proto__', 'x', 'constructor', 'y'));
    expect(out).toEqual([
      { name: '__proto__', value: 'x' },
      { name: 'constructor', value: 'y' },
    ]);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('charsets', () => {
  test('8-bit header bytes: UTF-8 when valid, else windows-1252', () => {
    expect(decodeHeaderBytes(bytes('Grüße'))).toBe('Grüße');
    expect(decodeHeaderBytes(latin1('Gr\xfc\xdfe \x80'))).toBe('Grüße €');
  });

  test('unknown charsets and invalid bytes give undefined', () => {
    expect(decodeCharset(bytes('x'), 'x-no-such-charset')).toBeUndefined();
    expect(decodeCharset(new Uint8Array([0xff]), 'utf-8')).toBeUndefined();
  });

  test.each([
    ['iso-8859-2', [0xb1, 0xe6], 'ąć'],
    ['iso-8859-15', [0xa4], '€'],
    ['windows-1256', [0xc7], 'ا'],
    ['koi8-u', [0xa4], 'є'],
    ['euc-kr', [0xbe, 0xc8], '안'],
    ['us-ascii', [0x41], 'A'],
  ])('%s', (charset, b, expected) => {
    expect(decodeCharset(new Uint8Array(b), charset)).toBe(expected);
  });
});

describe('RFC 5322 dates', () => {
  test.each([
    ['Mon, 10 Jul 2023 09:14:01 +0200', '2023-07-10T07:14:01.000Z'],
    ['10 Jul 2023 09:14 -0000', '2023-07-10T09:14:00.000Z'],
    ['Tue, 1 Aug 2023 15:00:00 +0000 (UTC)', '2023-08-01T15:00:00.000Z'],
    ['Thu, 3 Aug 23 09:00:00 GMT', '2023-08-03T09:00:00.000Z'],
    ['Fri, 04 Aug 2023 12:00:00 EDT', '2023-08-04T16:00:00.000Z'],
  ])('%s', (raw, iso) => {
    expect(parseMailDate(raw)?.toISOString()).toBe(iso);
  });

  test.each(['Fri, 4 Aug 2023 25:61:00 +9999', 'not a date', ''])('null for %j', (raw) => {
    expect(parseMailDate(raw)).toBeNull();
  });
});

describe('parseMailDateBytes: the canonical form read from a byte range', () => {
  const enc = new TextEncoder();
  const dates = fc.oneof(
    fc.constantFrom(
      'Mon, 10 Jul 2023 09:14:01 +0200',
      'Fri, 05 Nov 2021 11:47:58 +0000 (UTC)',
      '5 Nov 2021 11:47:58 -0130',
      'Tue, 31 Feb 2023 23:59:60 +0000',
      'Sat, 1 Jan 0050 00:00:00 +0000',
      '10 Jul 2023 09:14 +0200',
      'Mon, 10 Jul 23 09:14:01 PDT',
    ),
    fc.string({ unit: fc.constantFrom(...'0123456789 :+-,JulMonFri()'.split('')), maxLength: 40 }),
  );
  prop.prop([dates, fc.nat(), fc.string({ maxLength: 8 })], { numRuns: 2000 })(
    'equals parseMailDate of its string, whatever the range is cut from and followed by',
    (date, cut, after) => {
      const s = date.slice(0, date.length - (cut % 4 === 0 ? cut % (date.length + 1) : 0));
      const bytes = enc.encode(`xx${s}${after}`);
      const got = parseMailDateBytes(bytes, 2, 2 + enc.encode(s).length, s);
      expect(got?.getTime()).toEqual(parseMailDate(s)?.getTime());
    },
  );

  test('a range ending inside the zone is not read on into the next bytes', () => {
    const bytes = enc.encode('Mon, 10 Jul 2023 09:14:01 +0200');
    expect(parseMailDateBytes(bytes, 0, bytes.length - 2, 'Mon, 10 Jul 2023 09:14:01 +02')).not.toEqual(
      new Date('2023-07-10T07:14:01Z'),
    );
    expect(parseMailDateBytes(bytes, 0, bytes.length, 'Mon, 10 Jul 2023 09:14:01 +0200')?.toISOString()).toBe(
      '2023-07-10T07:14:01.000Z',
    );
  });
});
