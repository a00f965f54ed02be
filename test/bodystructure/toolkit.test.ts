/** Walking, text parts, attachments, inline images and the partial-fetch planner, on Dovecot's trees. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  attachments,
  type BodyStructure,
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

  test('a cut preview of a base64 text stays on a 4-octet boundary', () => {
    const plan = planFetch(tree('<invite-0012@example.com>'), { budget: 202 });
    expect(plan.text).toMatchObject({ section: '1.1', encoding: 'base64', partial: true });
    expect(plan.text!.bytes % 4).toBe(0);
    expect(plan.items[0]).toBe(`BODY.PEEK[1.1]<0.${plan.text!.bytes}>`);
  });

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
