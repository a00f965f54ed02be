/**
 * The quirks of imap-wire issue #18, each from a server named in `QUIRKS`: accepted by default
 * into the right tree and counted; refused by strict mode with `STRICT` at the deviation (the tag
 * kept when the response has one); the same whole, one byte per push and split anywhere; and
 * the response after it still parses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ResponseDecoder } from '../../src/index.ts';
import { QUIRKS } from '../../src/parser/quirks.ts';
import { bytes, decodeAllWays } from '../helpers/decode.ts';

const NEXT = '* 42 EXISTS\r\n';

interface Case {
  quirk: keyof typeof QUIRKS;
  what: string;
  input: string;
  /** Strict mode refuses at the first occurrence of `at` in `input`, plus `shift`. */
  at: string;
  shift?: number;
  expected: Record<string, unknown>;
}

const BS = '* 1 FETCH (BODYSTRUCTURE ';
const T = (sub: string, size: number) => `("text" "${sub}" NIL NIL NIL "7bit" ${size} 1)`;

const cases: Case[] = [
  {
    quirk: 'spaceBetweenBodyParts',
    what: 'Stalwart / Exchange: a SP between sibling parts',
    input: `${BS}(${T('plain', 1)} ${T('html', 2)} "alternative"))\r\n`,
    at: ') (',
    shift: 1,
    expected: {
      attributes: {
        bodyStructure: {
          subtype: 'alternative',
          parts: [
            { subtype: 'plain', section: '1' },
            { subtype: 'html', section: '2' },
          ],
        },
      },
    },
  },
  {
    quirk: 'spaceAfterBodyParen',
    what: 'a SP after the "(" of a multipart',
    input: `${BS}( ${T('plain', 1)}${T('html', 2)} "alternative"))\r\n`,
    at: '( (',
    shift: 1,
    expected: { attributes: { bodyStructure: { type: 'multipart', parts: [{ size: 1 }, { size: 2 }] } } },
  },
  {
    quirk: 'doubleSpaceBeforeParams',
    what: 'two SPs before the parameter list (ruby/net-imap PR #271)',
    input: `${BS}("text" "plain"  ("charset" "UTF-8") NIL NIL "7bit" 409 7 NIL NIL NIL))\r\n`,
    at: '  (',
    shift: 1,
    expected: {
      attributes: {
        bodyStructure: { type: 'text', params: [{ name: 'charset', value: 'UTF-8' }], size: 409, lines: 7 },
      },
    },
  },
  {
    quirk: 'nilParamValue',
    what: 'mail.ru: ("boundary" NIL)',
    input: `${BS}(${T('plain', 1)} "mixed" ("boundary" NIL) NIL NIL))\r\n`,
    at: 'NIL) NIL NIL',
    expected: {
      attributes: { bodyStructure: { subtype: 'mixed', params: [{ name: 'boundary', value: '' }] } },
    },
  },
  {
    quirk: 'nilParamValue',
    what: 'a NIL value among RFC 2231 parameters',
    input: `${BS}("application" "pdf" ("name*" NIL) NIL NIL "base64" 10))\r\n`,
    at: 'NIL) NIL NIL',
    expected: { attributes: { bodyStructure: { type: 'application' } } },
  },
  {
    quirk: 'descriptionAsDisposition',
    what: "Exchange: a multipart's Content-Description in the disposition slot (javaee/javamail#278)",
    input: `${BS}(${T('plain', 1)} "mixed" ("boundary" "b") "S/MIME Encrypted Message" NIL))\r\n`,
    at: '"S/MIME',
    expected: {
      attributes: {
        bodyStructure: {
          subtype: 'mixed',
          description: 'S/MIME Encrypted Message',
          language: null,
        },
      },
    },
  },
  {
    quirk: 'descriptionAsDisposition',
    what: "Exchange: a one-part body's description in the disposition slot",
    input: `${BS}("application" "pdf" NIL NIL NIL "base64" 10 NIL "Signed invoice" NIL NIL))\r\n`,
    at: '"Signed',
    expected: {
      attributes: { bodyStructure: { description: 'Signed invoice', language: null } },
    },
  },
  {
    quirk: 'nilMediaType',
    what: 'NIL as a media type',
    input: `${BS}(NIL "octet-stream" NIL NIL NIL "base64" 10 NIL NIL NIL NIL))\r\n`,
    at: 'NIL "octet',
    expected: { attributes: { bodyStructure: { type: '', subtype: 'octet-stream', size: 10 } } },
  },
  {
    quirk: 'spaceBeforeParen',
    what: 'FETCH (UID 92285 )',
    input: '* 1 FETCH (UID 92285 )\r\n',
    at: ' )',
    expected: { attributes: { uid: 92285 } },
  },
  {
    quirk: 'starInFlags',
    what: 'GreenMail / Zoho: \\* in FLAGS',
    input: '* FLAGS (\\Answered \\Deleted \\Draft \\Flagged \\Seen \\*)\r\n',
    at: '\\*',
    expected: { kind: 'flags', flags: ['\\Answered', '\\Deleted', '\\Draft', '\\Flagged', '\\Seen', '\\*'] },
  },
  {
    quirk: 'bracketInFlag',
    what: 'Gmail: "]" in a keyword (split at its SPs, as net-imap does)',
    input: '* FLAGS (\\Seen $Junk OIB-Seen-[Google Mail]/Alle Nachrichten)\r\n',
    at: ']/Alle',
    expected: { flags: ['\\Seen', '$Junk', 'OIB-Seen-[Google', 'Mail]/Alle', 'Nachrichten'] },
  },
  {
    quirk: 'bracketInFlag',
    what: 'Gmail: "]" in a PERMANENTFLAGS keyword of a tagged OK (strict mode keeps the tag)',
    input: 'A7 OK [PERMANENTFLAGS (\\Seen OIB-Seen-[Gmail]/All \\*)] Flags permitted.\r\n',
    at: ']/All',
    expected: {
      type: 'tagged',
      tag: 'A7',
      code: { name: 'PERMANENTFLAGS', flags: ['\\Seen', 'OIB-Seen-[Gmail]/All', '\\*'] },
    },
  },
  {
    quirk: 'emptyDelimiter',
    what: 'LIST with "" as delimiter',
    input: '* LIST (\\HasNoChildren) "" INBOX\r\n',
    at: '""',
    expected: { kind: 'list', delimiter: null, mailbox: 'INBOX' },
  },
  {
    quirk: 'unquoted8BitMailbox',
    what: 'LIST with an unquoted UTF-8 name',
    input: '* LIST () "/" Entwürfe\r\n',
    at: 'ü',
    expected: { kind: 'list', mailbox: 'Entwürfe' },
  },
  {
    quirk: 'unquoted8BitMailbox',
    what: 'STATUS with an unquoted UTF-8 name',
    input: '* STATUS Отправленные (MESSAGES 3 UNSEEN 0)\r\n',
    at: 'О',
    expected: { kind: 'status', mailbox: 'Отправленные', attributes: { messages: 3, unseen: 0 } },
  },
  {
    quirk: 'quotaWithoutResources',
    what: 'Courier-IMAP 5: * QUOTA ""',
    input: '* QUOTA ""\r\n',
    at: '\r\n',
    expected: { kind: 'quota', root: '', resources: [] },
  },
  {
    quirk: 'sectionOriginWithSize',
    what: 'WildDuck: BODY[2]<0.65536>',
    input: '* 1 FETCH (UID 5 BODY[2]<0.65536> {5}\r\nhello)\r\n',
    at: '.65536',
    expected: { attributes: { uid: 5, sections: [{ section: '2', origin: 0, value: bytes('hello') }] } },
  },
  {
    quirk: 'trailingSpace',
    what: '* THREAD with only a trailing SP',
    input: '* THREAD \r\n',
    at: ' \r\n',
    expected: { kind: 'thread', threads: [] },
  },
  {
    quirk: 'envelopeMissingFields',
    what: 'an ENVELOPE without In-Reply-To and Message-ID (MailKit #932)',
    input: '* 1 FETCH (ENVELOPE ("Mon, 1 Jan 2024 10:00:00 +0000" "hi" NIL NIL NIL NIL NIL NIL))\r\n',
    at: '))',
    expected: { attributes: { envelope: { subject: 'hi', bcc: null, inReplyTo: null, messageId: null } } },
  },
  {
    quirk: 'envelopeMissingFields',
    what: 'an ENVELOPE without Message-ID (MailKit #669)',
    input: '* 1 FETCH (ENVELOPE (NIL "hi" NIL NIL NIL NIL NIL NIL "<a@b>"))\r\n',
    at: '))',
    expected: { attributes: { envelope: { inReplyTo: '<a@b>', messageId: null } } },
  },
  {
    quirk: 'emptyAddressList',
    what: 'Mail.ru: () for an empty To (swift-nio-imap #821)',
    input:
      '* 1 FETCH (ENVELOPE (NIL "hi" (("Tn" NIL "info" "e.example")) NIL NIL () NIL NIL "<a@b>" "<c@d>"))\r\n',
    at: '() NIL NIL',
    expected: {
      attributes: {
        envelope: { from: [{ mailbox: 'info' }], to: null, cc: null, inReplyTo: '<a@b>', messageId: '<c@d>' },
      },
    },
  },
  {
    quirk: 'emptyAddressList',
    what: '() as From, Sender and Reply-To alike',
    input: '* 1 FETCH (ENVELOPE (NIL "hi" () () () NIL NIL NIL NIL NIL))\r\n',
    at: '() ()',
    expected: { attributes: { envelope: { from: null, sender: null, replyTo: null, to: null } } },
  },
  {
    quirk: 'nilInAddressList',
    what: 'SmarterMail: a NIL before the address (MailKit #991)',
    input:
      '* 1 FETCH (ENVELOPE (NIL "hi" (NIL ("A" NIL "a" "b.example")) NIL NIL NIL NIL NIL NIL "<m@b>"))\r\n',
    at: 'NIL ("A"',
    expected: {
      attributes: {
        envelope: {
          from: [{ name: 'A', adl: null, mailbox: 'a', host: 'b.example' }],
          sender: null,
          messageId: '<m@b>',
        },
      },
    },
  },
  {
    quirk: 'nilInAddressList',
    what: 'a NIL after the address',
    input: '* 1 FETCH (ENVELOPE (NIL "hi" NIL NIL NIL (("A" NIL "a" "b.example") NIL) NIL NIL NIL NIL))\r\n',
    at: 'NIL) NIL',
    expected: { attributes: { envelope: { to: [{ mailbox: 'a', host: 'b.example' }] } } },
  },
  {
    quirk: 'unescapedQuote',
    what: 'qiye.163.com: a Content-Description """" (go-imap #659)',
    input: `* 150 FETCH (UID 1 BODY (${T('html', 1)}("application" "octet-stream" ("name" "a.pdf") NIL """" "base64" 65322) "MIXED"))\r\n`,
    at: '""""',
    shift: 1,
    expected: {
      attributes: {
        uid: 1,
        body: {
          subtype: 'mixed',
          parts: [
            { subtype: 'html' },
            { subtype: 'octet-stream', description: '""', encoding: 'base64', size: 65322 },
          ],
        },
      },
    },
  },
  {
    quirk: 'unescapedQuote',
    what: 'GreenMail before PR #989: an unescaped quote inside a subject',
    input: '* 1 FETCH (ENVELOPE (NIL "he"llo" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n',
    at: '"llo',
    expected: { attributes: { envelope: { subject: 'he"llo', from: null, messageId: null } } },
  },
  {
    quirk: 'emptyMessageBody',
    what: 'Lotus Domino: () as the body of a message/rfc822 part (MailKit #944)',
    input: `${BS}(${T('plain', 1)}("message" "rfc822" NIL NIL NIL "7BIT" 787 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) () 0 NIL NIL NIL) "report"))\r\n`,
    at: '() 0',
    expected: {
      attributes: {
        bodyStructure: {
          subtype: 'report',
          parts: [
            { subtype: 'plain' },
            {
              type: 'message',
              subtype: 'rfc822',
              size: 787,
              lines: 0,
              envelope: { subject: null, from: null },
            },
          ],
        },
      },
    },
  },
];

describe.each(cases)('$quirk: $what', (c) => {
  test('accepted into the right tree and counted, every way', () => {
    const items = decodeAllWays(bytes(c.input + NEXT));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject(c.expected);
    expect(items[1]).toStrictEqual({ type: 'untagged', kind: 'exists', count: 42 });
    const dec = new ResponseDecoder();
    dec.push(bytes(c.input));
    expect(dec.quirks.get(c.quirk)).toBeGreaterThanOrEqual(1);
  });

  test('strict mode refuses it with STRICT at its offset, every way, and goes on', () => {
    const offset = Buffer.from(c.input.slice(0, c.input.indexOf(c.at))).length + (c.shift ?? 0);
    expect(c.input.indexOf(c.at)).toBeGreaterThan(0);
    const items = decodeAllWays(bytes(c.input + NEXT), { strict: true });
    const tag = c.input.startsWith('*') ? undefined : c.input.slice(0, c.input.indexOf(' '));
    expect(items[0]).toMatchObject({ type: 'error', error: { code: 'STRICT', quirk: c.quirk, offset, tag } });
    expect(items[1]).toStrictEqual({ type: 'untagged', kind: 'exists', count: 42 });
  });
});

test('every quirk names its servers, and the README quirk table lists it', () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const [name, q] of Object.entries(QUIRKS)) {
    expect(readme, name).toMatch(new RegExp(`^\\| \`${name}\`\\s+\\|`, 'm'));
    expect(q.servers.length, name).toBeGreaterThan(10);
    expect(q.what.length, name).toBeGreaterThan(10);
  }
});

test('a description with only token characters stays quirk dispositionAsString (MailKit #919)', () => {
  const input = `${BS}("text" "plain" NIL NIL NIL "7bit" 850 31 NIL "inline" NIL NIL))\r\n`;
  const [f] = decodeAllWays(bytes(input));
  expect(f).toMatchObject({
    attributes: { bodyStructure: { disposition: { type: 'inline' }, description: null } },
  });
});

test('descriptionAsDisposition leaves the disposition absent (not a wrong disposition.type)', () => {
  for (const input of [
    `${BS}("application" "pdf" NIL NIL NIL "base64" 10 NIL "Signed invoice" NIL NIL))\r\n`,
    `${BS}(${T('plain', 1)} "mixed" ("boundary" "b") "S/MIME Encrypted Message" NIL))\r\n`,
  ]) {
    const [f] = decodeAllWays(bytes(input));
    if (f?.type !== 'untagged' || f.kind !== 'fetch') throw new Error(JSON.stringify(f));
    expect('disposition' in f.attributes.bodyStructure!).toBe(false);
  }
});

test('unescapedQuote: valid quoted strings and escapes read as before; a string the loose read cannot mend keeps the first error', () => {
  const valid = '* 1 FETCH (ENVELOPE (NIL "a \\"b\\" c" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n';
  const dec = new ResponseDecoder();
  expect(dec.push(bytes(valid))[0]).toMatchObject({ attributes: { envelope: { subject: 'a "b" c' } } });
  expect(dec.quirks.size).toBe(0);
  const bad = '* 1 FETCH (ENVELOPE (NIL "say "hi" now" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n';
  for (const strict of [false, true]) {
    const [e] = decodeAllWays(bytes(bad + NEXT), { strict });
    expect(e).toMatchObject({ type: 'error', error: { code: 'SYNTAX' } });
  }
});
