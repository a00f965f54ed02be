/**
 * A leading U+FEFF (EF BB BF) in a protocol string is data (issue #17, finding 9): UTF-8 values
 * were read as `TextDecoder` reads a file, dropping it, so a LOGIN password "\ufeffpw" came
 * back as "pw" and a mailbox EF BB BF "Box" as "Box". Every way a string reaches a value is
 * checked: quoted, literal, 8-bit header text, encoded words (B and Q), RFC 2231, long values
 * (past the JavaScript decoder, through TextDecoder), both sides (decoder and CommandReader).
 */
import { describe, expect, test } from 'vitest';
import { CommandReader } from '../src/command/reader.ts';
import { type DecodeItem, decodeEncodedWords, encodeCommand, parseMailDate } from '../src/index.ts';
import { decodeCharset, decodeHeaderBytes } from '../src/mime/charset.ts';
import { asJson, chunked, decodeChunks, decodeWhole, latin1 } from './helpers/decode.ts';

const BOM = '\xef\xbb\xbf';

/** The one item of a latin1 response, decoded whole, then checked the same byte by byte. */
function decodeOne(response: string): DecodeItem {
  const b = latin1(response);
  const whole = decodeWhole(b);
  expect(asJson(decodeChunks(chunked(b, 1)))).toEqual(asJson(whole));
  expect(whole).toHaveLength(1);
  return whole[0]!;
}

function envelopeOf(item: DecodeItem): Record<string, unknown> {
  if (item.type !== 'untagged' || item.kind !== 'fetch') throw new Error(`not a FETCH: ${item.type}`);
  return item.attributes.envelope as unknown as Record<string, unknown>;
}

describe('CommandReader', () => {
  test.each([
    ['as a literal', [] as string[]],
    ['quoted (UTF8=ACCEPT)', ['UTF8=ACCEPT']],
  ])('LOGIN password "\\ufeffpw" reads back whole, %s', (_, enabled) => {
    const fragments = encodeCommand(
      { name: 'LOGIN', username: '\ufeffu', password: '\ufeffpw' },
      { tag: 'A1', enabled },
    );
    const reader = new CommandReader({ utf8: enabled.length > 0 });
    const items = fragments.flatMap((f) => [...reader.push(f.bytes)]).filter((i) => i.type === 'command');
    expect(items).toEqual([
      { type: 'command', tag: 'A1', command: { name: 'LOGIN', username: '\ufeffu', password: '\ufeffpw' } },
    ]);
  });
});

describe('ResponseDecoder', () => {
  test('LIST: a mailbox quoted or as a literal keeps its BOM', () => {
    for (const name of [`"${BOM}Box"`, `{6}\r\n${BOM}Box`]) {
      expect(decodeOne(`* LIST () "/" ${name}\r\n`)).toMatchObject({ kind: 'list', mailbox: '\ufeffBox' });
    }
  });

  test('resp-text keeps it', () => {
    expect(decodeOne(`* OK [ALERT] ${BOM}hello\r\n`)).toMatchObject({ kind: 'ok', text: '\ufeffhello' });
  });

  test('ENVELOPE subject and name, quoted and literal, with and without encoded words', () => {
    const env = envelopeOf(
      decodeOne(
        `* 1 FETCH (ENVELOPE ("${BOM}Mon, 10 Jul 2023 09:14:01 +0200" "${BOM}Subj" (("${BOM}Name" NIL "a" "b")) ` +
          `(({6}\r\n${BOM}Lit NIL "c" "d")) NIL NIL NIL NIL NIL NIL))\r\n`,
      ),
    );
    expect(env['subject']).toBe('\ufeffSubj');
    expect(env['dateRaw']).toBe('\ufeffMon, 10 Jul 2023 09:14:01 +0200');
    expect(env['date']).toEqual(new Date(Date.UTC(2023, 6, 10, 7, 14, 1)));
    expect(env['from']).toMatchObject([{ name: '\ufeffName' }]);
    expect(env['sender']).toMatchObject([{ name: '\ufeffLit' }]);
    const words = envelopeOf(
      decodeOne(
        `* 1 FETCH (ENVELOPE (NIL "${BOM}Subj =?utf-8?q?x?=" (("=?utf-8?B?77u/TmFtZQ==?=" NIL "a" "b")) ` +
          `(("=?UTF-8?Q?=EF=BB=BFQ?=" NIL "c" "d")) NIL NIL NIL NIL NIL NIL))\r\n`,
      ),
    );
    expect(words['subject']).toBe('\ufeffSubj x');
    expect(words['from']).toMatchObject([{ name: '\ufeffName' }]);
    expect(words['sender']).toMatchObject([{ name: '\ufeffQ' }]);
  });

  test('BODYSTRUCTURE parameters, plain and RFC 2231', () => {
    const item = decodeOne(
      `* 1 FETCH (BODYSTRUCTURE ("text" "plain" ("name" "${BOM}a.txt" "x*" "utf-8''%EF%BB%BFb") NIL NIL "7bit" 1 1))\r\n`,
    );
    if (item.type !== 'untagged' || item.kind !== 'fetch') throw new Error('not a FETCH');
    expect((item.attributes.bodyStructure as { params: unknown }).params).toEqual([
      { name: 'name', value: '\ufeffa.txt' },
      { name: 'x', value: '\ufeffb', charset: 'utf-8' },
    ]);
  });

  test('a long value (past the JavaScript decoder, through TextDecoder) keeps it too', () => {
    const long = 'é'.repeat(300);
    const raw = String.fromCharCode(...new TextEncoder().encode(long));
    expect(decodeOne(`* LIST () "/" "${BOM}${raw}"\r\n`)).toMatchObject({ mailbox: `\ufeff${long}` });
    const env = envelopeOf(
      decodeOne(
        `* 1 FETCH (ENVELOPE (NIL "${BOM}${raw} =?utf-8?q?x?=" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n`,
      ),
    );
    expect(env['subject']).toBe(`\ufeff${long} x`);
  });
});

describe('MIME helpers', () => {
  test('decodeEncodedWords, decodeHeaderBytes, decodeCharset', () => {
    expect(decodeEncodedWords('=?utf-8?B?77u/U3Vi?=')).toBe('\ufeffSub');
    expect(decodeEncodedWords('=?utf-8?B?77u/?= =?utf-8?B?77u/?=')).toBe('\ufeff\ufeff');
    expect(decodeHeaderBytes(latin1(`${BOM}Gr\xc3\xbc\xc3\x9fe`))).toBe('\ufeffGrüße');
    expect(decodeCharset(latin1(`${BOM}a`), 'utf-8')).toBe('\ufeffa');
    expect(decodeCharset(latin1(`${BOM}a`), 'unicode11utf8')).toBe('\ufeffa');
    // UTF-16LE carries no byte-order mark (RFC 2781 §3.3): FF FE is U+FEFF.
    expect(decodeCharset(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'utf-16le')).toBe('\ufeffa');
    // In "UTF-16" the first two bytes may be one (RFC 2781 §4.3): dropped, as before.
    expect(decodeCharset(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'utf-16')).toBe('a');
  });

  test('a date with a BOM in front still parses', () => {
    expect(parseMailDate('\ufeffMon, 10 Jul 2023 09:14:01 +0200')?.toISOString()).toBe(
      '2023-07-10T07:14:01.000Z',
    );
  });
});
