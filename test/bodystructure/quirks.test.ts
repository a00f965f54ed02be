/**
 * BODYSTRUCTURE and ENVELOPE shapes real servers send that break the grammar: each is a named
 * quirk, accepted and counted by default, refused with STRICT (code and offset) in strict mode.
 */
import { describe, expect, test } from 'vitest';
import { type BodyStructure, type FetchResponse, ResponseDecoder } from '../../src/index.ts';
import { bytes, decodeAllWays } from '../helpers/decode.ts';

function tree(input: string): { tree: BodyStructure; quirks: Map<string, number> } {
  const dec = new ResponseDecoder();
  const [f] = dec.push(bytes(input));
  if (f?.type !== 'untagged' || f.kind !== 'fetch') throw new Error(JSON.stringify(f));
  return { tree: (f as FetchResponse).attributes.bodyStructure!, quirks: dec.quirks as Map<string, number> };
}

interface Case {
  quirk: string;
  source: string;
  input: string;
  /** The deviation: strict mode refuses at the first occurrence of this text in `input`. */
  at: string;
  expect: Record<string, unknown>;
}

const P = '* 1 FETCH (BODYSTRUCTURE ';

const cases: Case[] = [
  {
    quirk: 'nilBodyEncoding',
    source: 'Apple iCloud (imap-proto PR #205), maddy',
    input: `${P}("text" "plain" ("CHARSET" "UTF-8") NIL NIL NIL 1694 51 NIL NIL NIL NIL))\r\n`,
    at: 'NIL 1694',
    expect: { type: 'text', subtype: 'plain', encoding: '7bit', size: 1694, lines: 51, section: '1' },
  },
  {
    quirk: 'dispositionAsString',
    source: 'Microsoft Exchange (MailKit issue #919)',
    input: `${P}("text" "plain" ("charset" "ISO-8859-1") NIL NIL "QUOTED-PRINTABLE" 850 31 NIL "inline" NIL NIL))\r\n`,
    at: '"inline"',
    expect: { encoding: 'quoted-printable', disposition: { type: 'inline', params: [] }, language: null },
  },
  {
    quirk: 'emptyMultipart',
    source: 'Gmail (MailKit issue #371)',
    input: `${P}(("text" "plain" NIL NIL NIL "7bit" 1 1)("RELATED" NIL ("ATTACHMENT" NIL) NIL) "MIXED"))\r\n`,
    at: '"RELATED"',
    expect: {
      type: 'multipart',
      subtype: 'mixed',
      parts: [
        { section: '1', type: 'text' },
        {
          type: 'multipart',
          subtype: 'related',
          section: '2',
          parts: [],
          params: [],
          disposition: { type: 'attachment', params: [] },
          language: null,
        },
      ],
    },
  },
  {
    quirk: 'emptyMultipart',
    source: 'the server behind MailKit issue #1393 (message/rfc822 with an empty multipart body)',
    input: `${P}("message" "rfc822" NIL NIL NIL "7bit" 903 ("d" "s" NIL NIL NIL NIL NIL NIL NIL NIL) (NIL "alternative" ("boundary" "b") NIL NIL NIL) 17 NIL NIL NIL NIL))\r\n`,
    at: 'NIL "alternative"',
    expect: {
      type: 'message',
      section: '1',
      lines: 17,
      body: { type: 'multipart', subtype: 'alternative', parts: [] },
    },
  },
  {
    quirk: 'messageWithoutEnvelope',
    source: 'Exchange, Yahoo (attached messages they cannot parse)',
    input: `${P}("message" "rfc822" NIL NIL NIL "7bit" 120 NIL NIL NIL NIL))\r\n`,
    at: ' NIL NIL NIL NIL))',
    expect: { type: 'message', subtype: 'rfc822', size: 120, md5: null },
  },
  {
    quirk: 'missingBodyLines',
    source: 'Exchange, Domino',
    input: `${P}("text" "plain" NIL NIL NIL "7bit" 100 NIL NIL NIL))\r\n`,
    at: ' NIL NIL NIL))',
    expect: { type: 'text', size: 100, md5: null, disposition: null, language: null },
  },
  {
    quirk: 'quotedNumber',
    source: 'hMailServer, older Exchange',
    input: `${P}("text" "plain" NIL NIL NIL "7bit" "1234" "12"))\r\n`,
    at: '"1234"',
    expect: { size: 1234, lines: 12 },
  },
  {
    quirk: 'emptyParamList',
    source: 'Domino, some Exchange versions',
    input: `${P}("image" "png" () NIL NIL "base64" 10))\r\n`,
    at: '()',
    expect: { type: 'image', params: [] },
  },
  {
    quirk: 'nilMediaSubtype',
    source: 'messages without a subtype',
    input: `${P}("application" NIL NIL NIL NIL "base64" 10))\r\n`,
    at: 'NIL NIL NIL NIL "base64"',
    expect: { type: 'application', subtype: '' },
  },
];

describe.each(cases)('$quirk — $source', (c) => {
  test('accepted and counted', () => {
    const { tree: t, quirks } = tree(c.input);
    expect(t).toMatchObject(c.expect);
    expect(quirks.get(c.quirk)).toBeGreaterThanOrEqual(1);
  });

  test('strict mode refuses it with STRICT at its offset, and goes on', () => {
    const items = decodeAllWays(bytes(`${c.input}* 2 EXISTS\r\n`), { strict: true });
    const offset = c.input.indexOf(c.at);
    expect(offset).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ type: 'error', error: { code: 'STRICT', quirk: c.quirk, offset } });
    expect(items[1]).toEqual({ type: 'untagged', kind: 'exists', count: 2 });
  });
});

test('spaceBetweenAddresses (Yahoo, Office 365): accepted, refused in strict mode', () => {
  const input =
    '* 1 FETCH (ENVELOPE (NIL "s" ((NIL NIL "a" "x.org") (NIL NIL "b" "x.org")) NIL NIL NIL NIL NIL NIL NIL))\r\n';
  const [f] = decodeAllWays(bytes(input));
  expect(f).toMatchObject({ attributes: { envelope: { from: [{ mailbox: 'a' }, { mailbox: 'b' }] } } });
  const [e] = decodeAllWays(bytes(input), { strict: true });
  const offset = input.indexOf(') (') + 1;
  expect(e).toMatchObject({
    type: 'error',
    error: { code: 'STRICT', quirk: 'spaceBetweenAddresses', offset },
  });
});

test('a BODY with extension data is read like a BODYSTRUCTURE (the grammar allows it, strict mode too)', () => {
  // RFC 3501 / 9051: `"BODY" ["STRUCTURE"] SP body`, one `body` rule with its extension data.
  const input =
    '* 1 FETCH (BODY (("text" "plain" NIL NIL NIL "7bit" 1 1 NIL ("inline" NIL) NIL) "mixed" ("boundary" "b") NIL NIL))\r\n';
  for (const strict of [false, true]) {
    const [f] = decodeAllWays(bytes(input), { strict });
    expect(f).toMatchObject({
      attributes: {
        body: {
          type: 'multipart',
          params: [{ name: 'boundary', value: 'b' }],
          parts: [{ md5: null, disposition: { type: 'inline', params: [] }, language: null }],
        },
      },
    });
  }
});

test('literalCountedInCharacters (DavMail 6, MailKit issue #1369): read again by characters; strict mode refuses', () => {
  const name = 'Рецепция Офис сграда "Данаил Дечев" №6'; // 38 characters, 69 octets
  const input = `* 15327 FETCH (UID 16410 ENVELOPE ("Thu, 29 Apr 2021 10:57:07 +0000" "x" (({38}\r\n${name} NIL "facility" "example.com")) NIL NIL NIL NIL NIL NIL "<d0f6@example.com>"))\r\n* 2 EXISTS\r\n`;
  const items = decodeAllWays(bytes(input));
  expect(items[0]).toMatchObject({
    attributes: {
      uid: 16410,
      envelope: {
        from: [{ name, mailbox: 'facility', host: 'example.com' }],
        messageId: '<d0f6@example.com>',
      },
    },
  });
  expect(items[1]).toEqual({ type: 'untagged', kind: 'exists', count: 2 });
  const dec = new ResponseDecoder();
  dec.push(bytes(input));
  expect(dec.quirks.get('literalCountedInCharacters')).toBe(1);
  const strict = decodeAllWays(bytes(input), { strict: true });
  expect(strict[0]).toMatchObject({ type: 'error', error: { code: 'SYNTAX' } });
  expect(strict[1]).toEqual({ type: 'untagged', kind: 'exists', count: 2 });
});
