/**
 * Known answers for the partial-fetch planner (src/bodystructure/plan.ts): the budget split, the
 * base64 cut (RFC 2045 §6.8: lines of at most 76 characters and CRLF, 4 characters a quantum),
 * BINARY partials (RFC 3516 §4.2: decoded octets) and PREVIEW (RFC 8970). Each number below is
 * worked out in the comment beside it.
 */
import { describe, expect, test } from 'vitest';
import { planFetch, planTextFetch } from '../../src/bodystructure/plan.ts';
import { assignSections } from '../../src/bodystructure/sections.ts';
import type { MultipartBody, SinglePartBody } from '../../src/model/body.ts';

function part(extra: Partial<SinglePartBody> = {}): SinglePartBody {
  return {
    type: 'text',
    subtype: 'plain',
    section: '1',
    params: [{ name: 'charset', value: 'UTF-8' }],
    id: null,
    description: null,
    encoding: '7bit',
    size: 20000,
    ...extra,
  };
}

describe('planTextFetch: identity encodings', () => {
  test('the default budget is 16 KiB; a UTF-8 prefix keeps all but its last 3 octets as whole text', () => {
    expect(planTextFetch(part())).toEqual({
      section: '1',
      item: 'BODY.PEEK[1]<0.16384>',
      type: 'text',
      subtype: 'plain',
      encoding: '7bit',
      binary: false,
      charset: 'utf-8',
      size: 20000,
      bytes: 16384,
      partial: true,
      decodedBytes: 16384,
      decodedExact: true,
      wholeBytes: 16381,
    });
  });

  test('the budget is rounded down and never below 0; a whole part is all whole text', () => {
    expect(planTextFetch(part(), { budget: 100.9 })).toMatchObject({
      bytes: 100,
      item: 'BODY.PEEK[1]<0.100>',
    });
    expect(planTextFetch(part(), { budget: -5 })).toMatchObject({ bytes: 0, partial: true, wholeBytes: 0 });
    expect(planTextFetch(part({ size: 50 }), { budget: 50 })).toMatchObject({
      item: 'BODY.PEEK[1]',
      bytes: 50,
      partial: false,
      wholeBytes: 50,
    });
    expect(planTextFetch(part({ size: 50 }), { budget: 49 })).toMatchObject({
      partial: true,
      wholeBytes: 46,
    });
  });

  test('charset: lower-cased; us-ascii for text without one (RFC 2046 §4.1.2), else utf-8', () => {
    expect(planTextFetch(part({ params: [] }), { budget: 10 })).toMatchObject({
      charset: 'us-ascii',
      wholeBytes: 10, // one octet per character: nothing cut
    });
    expect(planTextFetch(part({ type: 'application', subtype: 'json', params: [] })).charset).toBe('utf-8');
  });

  test('7bit, 8bit and binary are exact; quoted-printable and unknown encodings are at most', () => {
    const exact = (encoding: string) => planTextFetch(part({ encoding }), { budget: 10 }).decodedExact;
    expect(['7bit', '8bit', 'binary', 'quoted-printable', 'x-uuencode'].map(exact)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(planTextFetch(part({ encoding: 'quoted-printable' }), { budget: 10 })).toMatchObject({
      item: 'BODY.PEEK[1]<0.10>',
      binary: false,
    });
  });
});

describe('planTextFetch: BINARY (RFC 3516 §4.2)', () => {
  test('a base64 part decodes to at most 3/4 of its octets; the capability in any case', () => {
    const b64 = part({ encoding: 'base64', size: 122 });
    // floor(122 * 3 / 4) = 91 decoded octets at most.
    expect(planTextFetch(b64, { budget: 91, capabilities: ['binary'] })).toMatchObject({
      item: 'BINARY.PEEK[1]',
      binary: true,
      bytes: 91,
      partial: false,
      decodedBytes: 91,
      decodedExact: false,
      wholeBytes: 91,
    });
    expect(planTextFetch(b64, { budget: 90, capabilities: ['IMAP4rev2', 'BINARY'] })).toMatchObject({
      item: 'BINARY.PEEK[1]<0.90>',
      partial: true,
      wholeBytes: 87,
    });
    expect(planTextFetch(b64, { budget: 90, capabilities: ['IMAP4rev2'] })).toMatchObject({ binary: false });
  });

  test('a quoted-printable part decodes to at most its own size; identity encodings gain nothing', () => {
    const qp = part({ encoding: 'quoted-printable', size: 100 });
    expect(planTextFetch(qp, { budget: 100, capabilities: ['BINARY'] })).toMatchObject({
      item: 'BINARY.PEEK[1]',
      partial: false,
    });
    expect(planTextFetch(qp, { budget: 99, capabilities: ['BINARY'] }).item).toBe('BINARY.PEEK[1]<0.99>');
    expect(planTextFetch(part(), { budget: 99, capabilities: ['BINARY'] }).item).toBe('BODY.PEEK[1]<0.99>');
  });
});

describe('planTextFetch: the base64 cut (RFC 2045 §6.8)', () => {
  const b64 = (size: number, lines?: number) =>
    part({ encoding: 'base64', size, ...(lines === undefined ? {} : { lines }) });

  test('no line count: 76 assumed, not confirmed', () => {
    // 200 octets: 2 lines of 76 + CRLF (156) and 44 characters; 196 characters, 49 quanta.
    expect(planTextFetch(b64(1000), { budget: 200 })).toMatchObject({
      item: 'BODY.PEEK[1]<0.200>',
      bytes: 200,
      lineLength: 76,
      decodedBytes: 147,
      decodedExact: false,
      wholeBytes: 144,
    });
    // 79 octets: a line of 76, its CRLF and 1 character; the cut ends on the line, before the CRLF.
    expect(planTextFetch(b64(1000), { budget: 79 })).toMatchObject({ bytes: 76, decodedBytes: 57 });
  });

  test('a line count that fits 76 columns confirms them; exact up to 8 octets before the end', () => {
    // 13 lines: 936 < 1000 <= 1014. 992 octets: 12 lines (936) and 56 characters, 968 in all.
    expect(planTextFetch(b64(1000, 13), { budget: 992 })).toMatchObject({
      bytes: 992,
      lineLength: 76,
      decodedBytes: 726,
      decodedExact: true,
    });
    expect(planTextFetch(b64(999, 13), { budget: 992 })).toMatchObject({ bytes: 992, decodedExact: false });
    // Dovecot's count (LFs: one fewer than the lines): 12 confirms 13 lines of 76.
    expect(planTextFetch(b64(1000, 12), { budget: 200 })).toMatchObject({
      lineLength: 76,
      decodedExact: true,
    });
  });

  test('a whole base64 part is not cut; under one quantum, nothing', () => {
    expect(planTextFetch(b64(100), { budget: 200 })).toMatchObject({
      item: 'BODY.PEEK[1]',
      bytes: 100,
      partial: false,
    });
    expect(planTextFetch(b64(1000), { budget: 3 })).toMatchObject({ item: 'BODY.PEEK[1]<0.0>', bytes: 0 });
  });

  test('the edges of a line count that fits: (n-1)(len+2) < size <= n(len+2)', () => {
    // 13 lines of 76 hold 937 to 1014 octets; 12 lines of 76 hold 859 to 936.
    expect(planTextFetch(b64(1014, 13), { budget: 300 }).lineLength).toBe(76);
    // 936 in 13 or 14 lines: not 76 columns; 13 lines of 72 (889 to 962) fit.
    expect(planTextFetch(b64(936, 13), { budget: 300 }).lineLength).toBe(72);
    // 850 in 12 or 13 lines: 13 lines of 64 (793 to 858).
    expect(planTextFetch(b64(850, 12), { budget: 300 }).lineLength).toBe(64);
    // 950 in 12 lines (no) or 13 (yes) of 76: either count confirms 76.
    expect(planTextFetch(b64(950, 12), { budget: 300 })).toMatchObject({
      lineLength: 76,
      decodedExact: true,
    });
    // 1003 in 3 or 4 lines fits no multiple of 4: the guess from 3 lines, (1003 / 3 - 2) → 332.
    expect(planTextFetch(b64(1003, 3), { budget: 300 })).toMatchObject({
      lineLength: 332,
      decodedExact: false,
    });
  });

  test('one line: no CRLF to skip', () => {
    // 0 lines counted, 70 octets: one line of at most 76.
    expect(planTextFetch(b64(70, 0), { budget: 40 })).toMatchObject({ bytes: 40, lineLength: 76 });
    // 0 lines counted, 200 octets: one long line; 50 octets hold 12 whole quanta.
    expect(planTextFetch(b64(200, 0), { budget: 50 })).toMatchObject({
      bytes: 48,
      lineLength: 0,
      decodedBytes: 36,
      decodedExact: true,
    });
  });

  test('other line lengths: the multiple of 4 the size and line count imply', () => {
    // 10 lines of 100: 918 < 1000 <= 1020.
    expect(planTextFetch(b64(1000, 10), { budget: 300 })).toMatchObject({ lineLength: 100 });
    // 7 lines: 140 does not fit (852 < 1000 but 1000 > 994); 8 lines of 124 do (882 < 1000 <= 1008).
    expect(planTextFetch(b64(1000, 7), { budget: 300 })).toMatchObject({
      lineLength: 124,
      decodedExact: true,
    });
    // 10 octets in 5 lines fit no length: the guess (4) stays unconfirmed.
    // 8 octets: a line of 4 and CRLF (6), 2 characters; 4 whole characters end the first line.
    expect(planTextFetch(b64(10, 5), { budget: 8 })).toMatchObject({
      lineLength: 4,
      bytes: 4,
      decodedBytes: 3,
      decodedExact: false,
    });
  });
});

describe('planFetch: the budget split', () => {
  function tree(): MultipartBody {
    const root: MultipartBody = {
      type: 'multipart',
      subtype: 'mixed',
      parts: [
        part({ size: 5000 }),
        part({
          type: 'application',
          subtype: 'pdf',
          params: [],
          encoding: 'base64',
          size: 9999,
          disposition: { type: 'attachment', params: [{ name: 'filename', value: 'r.pdf' }] },
        }),
        part({ type: 'image', subtype: 'png', params: [], encoding: 'base64', size: 77 }),
      ],
    };
    assignSections(root);
    return root;
  }

  test('attachment headers get at most half the budget, 256 octets each; the text the rest', () => {
    // Headers: min(2 × 256, 1200 / 2) = 512; the text 1200 - 512 = 688; left 512: both headers.
    const plan = planFetch(tree(), { budget: 1200 });
    expect(plan.items).toEqual(['BODY.PEEK[1]<0.688>', 'BODY.PEEK[2.MIME]', 'BODY.PEEK[3.MIME]']);
    expect(plan.bytes).toBe(1200);
    expect(plan.attachments).toEqual([
      {
        section: '2',
        filename: 'r.pdf',
        type: 'application',
        subtype: 'pdf',
        encoding: 'base64',
        size: 9999,
        headerItem: 'BODY.PEEK[2.MIME]',
      },
      {
        section: '3',
        type: 'image',
        subtype: 'png',
        encoding: 'base64',
        size: 77,
        headerItem: 'BODY.PEEK[3.MIME]',
      },
    ]);
    expect('filename' in plan.attachments[1]!).toBe(false);
    // 1001: headers min(512, 500) = 500, the text 501; left 500: one header.
    expect(planFetch(tree(), { budget: 1001 }).items).toEqual(['BODY.PEEK[1]<0.501>', 'BODY.PEEK[2.MIME]']);
    // The default budget (16 KiB) holds the whole text and both headers.
    expect(planFetch(tree()).items).toEqual(['BODY.PEEK[1]', 'BODY.PEEK[2.MIME]', 'BODY.PEEK[3.MIME]']);
  });

  test('budget 0 or below asks for nothing; the attachments are still listed', () => {
    for (const budget of [0, -10]) {
      const plan = planFetch(tree(), { budget });
      expect([plan.items, plan.bytes, plan.text]).toEqual([[], 0, undefined]);
      expect(plan.attachments.map((a) => a.headerItem)).toEqual([undefined, undefined]);
    }
  });

  test('PREVIEW (RFC 8970) is charged 256 octets, the text gets what is left of its share', () => {
    // Headers 512; preview 256; the text 1200 - 512 - 256 = 432; left 512.
    const plan = planFetch(tree(), { budget: 1200, capabilities: ['preview'] });
    expect(plan.items).toEqual(['PREVIEW', 'BODY.PEEK[1]<0.432>', 'BODY.PEEK[2.MIME]', 'BODY.PEEK[3.MIME]']);
    expect([plan.preview, plan.bytes]).toEqual(['PREVIEW', 1200]);
    // 100: the preview is charged the whole budget; no text, no header.
    const small = planFetch(tree(), { budget: 100, capabilities: ['PREVIEW'] });
    expect([small.items, small.bytes, small.text]).toEqual([['PREVIEW'], 100, undefined]);
  });

  test('BINARY among the capabilities reaches the text plan', () => {
    const root: MultipartBody = {
      type: 'multipart',
      subtype: 'mixed',
      parts: [part({ encoding: 'base64', size: 400 })],
    };
    assignSections(root);
    expect(planFetch(root, { budget: 100, capabilities: ['binary'] }).items).toEqual([
      'BINARY.PEEK[1]<0.100>',
    ]);
  });

  test('no text part: no PREVIEW either', () => {
    const root: MultipartBody = {
      type: 'multipart',
      subtype: 'mixed',
      parts: [part({ type: 'application', subtype: 'zip', params: [], size: 10 })],
    };
    assignSections(root);
    const plan = planFetch(root, { budget: 1000, capabilities: ['PREVIEW'] });
    expect([plan.items, plan.preview]).toEqual([['BODY.PEEK[1.MIME]'], undefined]);
  });

  test('preferHtml: the HTML part of an alternative, the plain one otherwise', () => {
    const alt: MultipartBody = {
      type: 'multipart',
      subtype: 'alternative',
      parts: [part({ size: 10 }), part({ subtype: 'html', size: 10 })],
    };
    assignSections(alt);
    expect(planFetch(alt, { preferHtml: true }).text?.section).toBe('2');
    expect(planFetch(alt, { preferHtml: false }).text?.section).toBe('1');
    const htmlOnly: MultipartBody = { ...alt, parts: [alt.parts[1]!] };
    expect(planFetch(htmlOnly).text?.subtype).toBe('html');
  });
});
