/** Walking, text parts, attachments, inline images and the partial-fetch planner, on Dovecot's trees. */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  attachments,
  type BodyStructure,
  decodePartPrefix,
  type FetchResponse,
  filename,
  findSection,
  inlineImages,
  messageSections,
  mimeHeaderSection,
  planFetch,
  ResponseDecoder,
  type SinglePartBody,
  textParts,
} from '../../src/index.ts';
import { base64Lines } from '../helpers/mime-encode.ts';

const items = new ResponseDecoder().push(
  new Uint8Array(readFileSync('fixtures/dovecot-interop/bodystructure.s2c.bin')),
);
function tree(id: string): BodyStructure {
  const f = items.find(
    (x): x is FetchResponse =>
      x.type === 'untagged' && x.kind === 'fetch' && x.attributes.envelope?.messageId === id,
  );
  if (f === undefined) throw new Error(id);
  return f.attributes.bodyStructure!;
}
/** A message that is one base64 text/plain part of `size` octets in 76-column lines. */
function singleBase64(size: number): SinglePartBody {
  return {
    type: 'text',
    subtype: 'plain',
    section: '1',
    params: [{ name: 'charset', value: 'us-ascii' }],
    id: null,
    description: null,
    encoding: 'base64',
    size,
    lines: Math.floor(size / 78),
  };
}

const sections = (parts: (SinglePartBody | undefined)[]): (string | undefined)[] =>
  parts.map((p) => p?.section);

describe('text parts', () => {
  test.each([
    ['<20230710071401.GA1234@example.org>', '1', undefined],
    ['<newsletter-2023-07-13@news.example.com>', '1', '2'],
    ['<related-0008@marketing.example.com>', '1', '2.1'],
    ['<invite-0012@example.com>', '1.1', undefined],
    ['<fwd-0007@example.com>', '1', undefined], // not the forwarded message's text
    ['<signed-0011@example.org>', '1', undefined],
    ['<enc-0022@example.org>', undefined, undefined],
    ['<html-0032@news.example.com>', undefined, '1'],
    ['<zip-0038@example.com>', undefined, undefined],
  ])('%s: plain %s, html %s', (id, plain, html) => {
    const t = textParts(tree(id));
    expect(sections([t.plain, t.html])).toEqual([plain, html]);
  });
});

describe('attachments', () => {
  test.each([
    [
      '<CAF=report05@mail.example.com>',
      [
        ['2', 'Q3 report.pdf'],
        ['3', 'chart.png'],
      ],
    ],
    ['<fwd-0007@example.com>', [['2', undefined]]],
    ['<related-0008@marketing.example.com>', []],
    [
      '<rfc2231-0006@billing.example.com>',
      [
        ['2', '€ rates 2024.pdf'],
        ['3', 'Résumé.txt'],
        ['4', '日本語の長いファイ%E3%83%AB name, part 3.bin'],
        ['5', 'картинка.gif'],
      ],
    ],
    ['<invite-0012@example.com>', [['2', 'invite.ics']]],
    [
      '<zip-0038@example.com>',
      [
        ['1', 'notes.zip'],
        ['2', undefined],
      ],
    ], // an octet-stream without a name is still an attachment
  ])('%s', (id, expected) => {
    expect(attachments(tree(id)).map((p) => [p.section, filename(p)])).toEqual(expected);
  });
});

test('inline images by Content-ID', () => {
  expect(
    inlineImages(tree('<related-0008@marketing.example.com>')).map((i) => [i.contentId, i.part.section]),
  ).toEqual([
    ['logo-0008@example.com', '2.2'],
    ['spacer-0008@example.com', '2.3'],
  ]);
});

test('findSection and the header sections of a part', () => {
  const t = tree('<fwd-0007@example.com>');
  const fwd = findSection(t, '2') as SinglePartBody;
  expect(fwd.type).toBe('message');
  expect(messageSections(fwd)).toEqual({ header: '2.HEADER', text: '2.TEXT' });
  expect(mimeHeaderSection(findSection(t, '2.2') as SinglePartBody, t)).toBe('2.2.MIME');
  const single = tree('<20230710071401.GA1234@example.org>') as SinglePartBody;
  expect(mimeHeaderSection(single, single)).toBe('HEADER');
});

describe('partial-fetch planner', () => {
  test('a 4 MB message on a phone: a preview of the text and the attachment header, not BODY[]', () => {
    const plan = planFetch(tree('<large-0019@files.example.com>'), { budget: 2048 });
    expect(plan.items).toEqual(['BODY.PEEK[1]', 'BODY.PEEK[2.MIME]']);
    expect(plan.attachments).toEqual([
      expect.objectContaining({
        section: '2',
        type: 'application',
        subtype: 'octet-stream',
        encoding: 'base64',
        size: 4304680,
        headerItem: 'BODY.PEEK[2.MIME]',
      }),
    ]);
    expect(plan.text).toMatchObject({ section: '1', partial: false, charset: 'us-ascii' });
  });

  test('a cut base64 preview holds a multiple of 4 base64 characters, the CRLFs not counted', () => {
    // Part 1.1: a line of 76 characters, CRLF, 44 characters (122 octets; Dovecot counts 1 line,
    // one LF). 101 octets for the text hold 99 characters; 96 of them are whole quanta: 98 octets.
    const plan = planFetch(tree('<invite-0012@example.com>'), { budget: 202 });
    expect(plan.text).toMatchObject({
      section: '1.1',
      encoding: 'base64',
      partial: true,
      bytes: 98,
      lineLength: 76,
      decodedBytes: 72,
      decodedExact: true,
      wholeBytes: 69, // UTF-8: the last 3 octets may be a cut character
    });
    expect(plan.items[0]).toBe('BODY.PEEK[1.1]<0.98>');
    const body = readFileSync('fixtures/corpus/12-calendar-invite.eml', 'latin1').replace(/\r?\n/g, '\r\n');
    const start = body.indexOf('WW91');
    const prefix = body.slice(start, start + 98);
    expect(prefix.replace(/\r\n/g, '').length).toBe(96);
    const got = decodePartPrefix(new Uint8Array(Buffer.from(prefix, 'latin1')), plan.text!);
    expect(got).toMatchObject({
      text: 'You have been invited to Sprint planning.\nTue Aug 1, 2023 3pm – 4pm (C',
      wholeBytes: 72,
    });
  });

  test('3584 octets of 76-column base64 leave no character over', () => {
    // 4 MB of base64 text in 76-character lines: 45 lines (3510 octets) and 74 characters fit in
    // 3584; 72 of those 74 end a quantum.
    const part = singleBase64(4_000_000);
    const plan = planFetch(part, { budget: 3584 });
    expect(plan.text).toMatchObject({
      bytes: 3582,
      partial: true,
      decodedBytes: (3492 / 4) * 3,
      decodedExact: true,
    });
    expect(plan.items).toEqual(['BODY.PEEK[1]<0.3582>']);
  });

  test('a base64 part whose lines are not 76 characters: the length its size and line count imply', () => {
    const plan = planFetch({ ...singleBase64(0), size: 66 * 100, lines: 100 }, { budget: 1000 });
    expect(plan.text).toMatchObject({ lineLength: 64, bytes: 66 * 15 + 8, decodedExact: true });
    const one = planFetch({ ...singleBase64(0), size: 5000, lines: 1 }, { budget: 1001 });
    expect(one.text).toMatchObject({ lineLength: 0, bytes: 1000 });
  });

  test('PREVIEW when the server has it, then the text with what is left', () => {
    const t = tree('<large-0019@files.example.com>');
    expect(planFetch(t, { budget: 2048, capabilities: ['IMAP4rev2', 'preview'] }).items).toEqual([
      'PREVIEW',
      'BODY.PEEK[1]',
      'BODY.PEEK[2.MIME]',
    ]);
    const small = planFetch(t, { budget: 200, capabilities: ['PREVIEW'] });
    expect(small.items).toEqual(['PREVIEW']);
    expect(small.bytes).toBeLessThanOrEqual(200);
    expect(planFetch(t, { budget: 2048 }).preview).toBeUndefined();
  });

  test('BINARY fetches a base64 text decoded by the server, the budget in decoded octets', () => {
    // 122 octets of base64 are at most 91 decoded; 60 of them are asked for.
    const plan = planFetch(tree('<invite-0012@example.com>'), { budget: 120, capabilities: ['BINARY'] });
    expect(plan.text).toMatchObject({
      item: 'BINARY.PEEK[1.1]<0.60>',
      binary: true,
      partial: true,
      bytes: 60,
    });
    const whole = planFetch(tree('<invite-0012@example.com>'), { budget: 4096, capabilities: ['BINARY'] });
    expect(whole.text).toMatchObject({ item: 'BINARY.PEEK[1.1]', partial: false });
    // 7bit text gains nothing from BINARY.
    const plain = planFetch(tree('<large-0019@files.example.com>'), {
      budget: 2048,
      capabilities: ['BINARY'],
    });
    expect(plain.text?.item).toBe('BODY.PEEK[1]');
  });

  test.prop(
    [fc.uint8Array({ minLength: 1, maxLength: 2000 }), fc.integer({ min: 0, max: 3000 }), fc.boolean()],
    {
      numRuns: 300,
    },
  )(
    'a base64 part of 76-column lines: the cut holds whole quanta, decodedBytes is what arrives',
    (bytes, budget, crlf) => {
      const enc = base64Lines(bytes, 76, crlf);
      const lf = enc.filter((b) => b === 0x0a).length;
      const plan = planFetch({ ...singleBase64(enc.length), lines: lf }, { budget });
      const t = plan.text;
      if (t === undefined) return;
      const prefix = enc.subarray(0, t.bytes);
      const got = decodePartPrefix(prefix, t);
      expect(Buffer.from(got.decoded).equals(Buffer.from(bytes.subarray(0, got.decoded.length)))).toBe(true);
      if (t.partial) {
        expect(prefix.filter((b) => b !== 0x0d && b !== 0x0a).length % 4).toBe(0);
        expect(prefix[prefix.length - 1]).not.toBe(0x0a);
        if (t.bytes <= enc.length - 8) expect(t.decodedExact).toBe(true);
        if (t.decodedExact) expect(got.decoded.length).toBe(t.decodedBytes);
        else expect(got.decoded.length).toBeLessThanOrEqual(t.decodedBytes);
      } else expect(got.decoded.length).toBeLessThanOrEqual(t.decodedBytes);
    },
  );

  test('the budget bounds what is asked for', () => {
    for (const budget of [0, 100, 600, 5000]) {
      const plan = planFetch(tree('<rfc2231-0006@billing.example.com>'), { budget });
      expect(plan.bytes).toBeLessThanOrEqual(budget);
    }
  });

  test('preferHtml picks the HTML part', () => {
    expect(
      planFetch(tree('<newsletter-2023-07-13@news.example.com>'), { preferHtml: true }).text?.section,
    ).toBe('2');
  });
});
