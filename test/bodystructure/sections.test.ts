/**
 * Section maps of every MIME shape in the corpus, as Dovecot 2.3 describes them
 * (fixtures/dovecot-interop/bodystructure.s2c.bin: FETCH UID ENVELOPE BODYSTRUCTURE BODY in every
 * folder). test/interop/sections.test.ts checks each of these sections against what the real
 * server serves under it; here they are known answers, decoded whole, byte by byte and split.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type BodyStructure, type FetchResponse, walk } from '../../src/index.ts';
import { decodeAllWays } from '../helpers/decode.ts';

const bytes = new Uint8Array(readFileSync('fixtures/dovecot-interop/bodystructure.s2c.bin'));
const items = decodeAllWays(bytes, {}, 48);
const fetches = items.filter((i): i is FetchResponse => i.type === 'untagged' && i.kind === 'fetch');

function map(tree: BodyStructure): string {
  return [...walk(tree)].map(({ node }) => `${node.section ?? '-'}=${node.type}/${node.subtype}`).join(' ');
}

function byMessageId(id: string): FetchResponse {
  const f = fetches.find((x) => x.attributes.envelope?.messageId === id);
  if (f === undefined) throw new Error(`no message ${id}`);
  return f;
}

// `-` marks a multipart without a number of its own: the root, or the body of a message/rfc822 part.
const MAPS: [string, string, string][] = [
  ['plain', '<20230710071401.GA1234@example.org>', '1=text/plain'],
  [
    'alternative',
    '<newsletter-2023-07-13@news.example.com>',
    '-=multipart/alternative 1=text/plain 2=text/html',
  ],
  [
    'mixed with attachments',
    '<CAF=report05@mail.example.com>',
    '-=multipart/mixed 1=text/plain 2=application/pdf 3=image/png',
  ],
  [
    'forwarded message/rfc822 with a multipart body: its children are 2.1, 2.2 (no level of its own)',
    '<fwd-0007@example.com>',
    '-=multipart/mixed 1=text/plain 2=message/rfc822 -=multipart/mixed 2.1=multipart/alternative 2.1.1=text/plain 2.1.2=text/html 2.2=application/pdf',
  ],
  [
    'related inside alternative',
    '<related-0008@marketing.example.com>',
    '-=multipart/alternative 1=text/plain 2=multipart/related 2.1=text/html 2.2=image/png 2.3=image/gif',
  ],
  ['no Content-Type', '<legacy-0009@old.example.org>', '1=text/plain'],
  [
    'top-level message/rfc822: its single-part body is 1.1',
    '<wrapped-0010@example.com>',
    '1=message/rfc822 1.1=text/plain',
  ],
  ['signed', '<signed-0011@example.org>', '-=multipart/signed 1=text/plain 2=application/pgp-signature'],
  [
    'calendar',
    '<invite-0012@example.com>',
    '-=multipart/mixed 1=multipart/alternative 1.1=text/plain 1.2=text/calendar 2=application/ics',
  ],
  [
    'digest: single-part message/rfc822 bodies are N.1',
    '<digest-0020@news.example.com>',
    '-=multipart/digest 1=message/rfc822 1.1=text/plain 2=message/rfc822 2.1=text/plain 3=text/plain',
  ],
  [
    'report / DSN',
    '<20230729101010.DSN0021@mail.example.com>',
    '-=multipart/report 1=text/plain 2=message/delivery-status 3=text/rfc822-headers',
  ],
  [
    'encrypted',
    '<enc-0022@example.org>',
    '-=multipart/encrypted 1=application/pgp-encrypted 2=application/octet-stream',
  ],
  ['S/MIME opaque', '<smime-0023@example.com>', '1=application/pkcs7-mime'],
  [
    'extension fields',
    '<ext-0025@example.com>',
    '-=multipart/mixed 1=text/plain 2=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 3=text/html',
  ],
  [
    'RFC 2231 file names',
    '<rfc2231-0006@billing.example.com>',
    '-=multipart/mixed 1=text/plain 2=application/pdf 3=text/plain 4=application/octet-stream 5=image/gif',
  ],
  [
    'malformed MIME (Dovecot renders `Content-Type: text` as "" "")',
    '<bad-0027@spam.example.biz>',
    '-=multipart/mixed 1=/ 2=application/octet-stream 3=text/plain',
  ],
  [
    'attachments only',
    '<zip-0038@example.com>',
    '-=multipart/mixed 1=application/zip 2=application/octet-stream',
  ],
  [
    '4 MB attachment',
    '<large-0019@files.example.com>',
    '-=multipart/mixed 1=text/plain 2=application/octet-stream',
  ],
];

describe('section maps (Dovecot BODYSTRUCTURE)', () => {
  test('the capture decodes without errors: one FETCH per corpus message', () => {
    expect(items.filter((i) => i.type === 'error')).toEqual([]);
    expect(fetches).toHaveLength(40); // fixtures/corpus/MANIFEST: 39 files and the generated 4 MB message
  });

  test.each(MAPS)('%s', (_name, id, expected) => {
    const f = byMessageId(id);
    expect(map(f.attributes.bodyStructure!)).toBe(expected);
    // BODY (non-extensible) gives the same tree shape and numbers.
    expect(map(f.attributes.body!)).toBe(expected);
  });

  test('ten levels of nested multiparts', () => {
    const tree = byMessageId('<deep-0024@example.com>').attributes.bodyStructure!;
    const sections = [...walk(tree)].map(({ node }) => node.section ?? '-');
    expect(sections.at(-1)).toBe('2.2.2.2.2.2.2.2.2.2.2');
    expect(sections).toHaveLength(23); // 11 multiparts (the root included) and 12 text parts
  });

  test('BODY carries no extension data, BODYSTRUCTURE does', () => {
    const f = byMessageId('<ext-0025@example.com>');
    const [first] = (f.attributes.bodyStructure as { parts: BodyStructure[] }).parts;
    expect(first).toMatchObject({
      section: '1',
      id: '<text-0025@example.com>',
      description: 'Beschreibung mit Ümlaut',
      md5: 'Q2hlY2sgSW50ZWdyaXR5IQ==',
      language: ['de-CH'],
      location: 'text.txt',
      lines: 1,
    });
    const [plain] = (f.attributes.body as { parts: BodyStructure[] }).parts;
    expect(plain).not.toHaveProperty('md5');
    expect(plain).not.toHaveProperty('disposition');
    expect(f.attributes.bodyStructure).toMatchObject({
      params: [
        { name: 'boundary', value: 'ext-0025' },
        { name: 'charset', value: 'ignored' },
      ],
      language: ['en', 'de'],
    });
  });
});

describe('decoded values (RFC 2047, RFC 2231, charsets, 8-bit)', () => {
  test.each([
    ['<a1b2c3d4-0002@mail.example.net>', 'Zahlen für das Treffen 🎉 — Q3'],
    ['<he-0015@example.co.il>', 'הפגישה נדחתה — עדכון'],
    ['<ar-0016@example.ae>', 'تأكيد الحجز'],
    ['<ja-0017@example.jp>', '会議の議事録について'],
    ['<zh-0018@example.cn>', '项目进度更新（第三周）'],
    ['<ru-0034@example.ru>', 'Отчёт за август'],
    ['<html-0032@news.example.com>', '“Quarterly” results – €1.2M'],
    [
      '<bad-0027@spam.example.biz>',
      '=?x-unknown?Q?You_have_won?= =?UTF-8?B?broken base64?= =?UTF-8?Q?unterminated',
    ],
  ])('subject of %s', (id, subject) => {
    expect(byMessageId(id).attributes.envelope?.subject).toBe(subject);
  });

  test('raw UTF-8 in a quoted display name decodes, and its bytes stay reachable', () => {
    const from = byMessageId('<zh-0018@example.cn>').attributes.envelope?.from?.[0];
    expect(from).toMatchObject({ name: '王小明', mailbox: 'wang', host: 'example.cn' });
    expect(new TextDecoder().decode((from as { nameRaw: Uint8Array }).nameRaw)).toBe('王小明');
  });

  test('RFC 2231 file names: charset, language, continuations (a plain segment is not %-decoded), RFC 2047 in name=', () => {
    const tree = byMessageId('<rfc2231-0006@billing.example.com>').attributes.bodyStructure as {
      parts: BodyStructure[];
    };
    const names = tree.parts.map((p) => p.disposition?.params.find((x) => x.name === 'filename')?.value);
    expect(names).toEqual([
      undefined,
      '€ rates 2024.pdf',
      'Résumé.txt',
      '日本語の長いファイ%E3%83%AB name, part 3.bin',
      'картинка.gif',
    ]);
    expect(tree.parts[2]!.disposition?.params[0]).toEqual({
      name: 'filename',
      value: 'Résumé.txt',
      charset: 'iso-8859-1',
      language: 'fr',
    });
  });

  test('groups and odd addresses', () => {
    const env = byMessageId('<addr-0028@example.com>').attributes.envelope!;
    expect(env.date).toBeNull();
    expect(env.to).toEqual([
      {
        group: 'Project Team',
        members: [
          { name: null, adl: null, mailbox: 'alice', host: 'example.com' },
          { name: 'Bob M.', adl: null, mailbox: 'bob', host: 'example.org' },
        ],
      },
      { group: 'undisclosed-recipients', members: [] },
    ]);
    expect(env.from?.[0]).toEqual({
      name: 'Doe, John "JD"',
      adl: null,
      mailbox: 'john.doe',
      host: 'example.com',
    });
  });

  test('envelope dates are instants; the raw string is kept', () => {
    const env = byMessageId('<20230710071401.GA1234@example.org>').attributes.envelope!;
    expect(env.dateRaw).toBe('Mon, 10 Jul 2023 09:14:01 +0200');
    expect(env.date?.toISOString()).toBe('2023-07-10T07:14:01.000Z');
  });
});
