/**
 * Known answers for the BODYSTRUCTURE helpers (walk.ts, sections.ts, find.ts) on small trees
 * built by hand, one rule per case: what the mutation run found only the capture-based tests
 * to cover loosely. Section numbers: RFC 9051 §6.4.5; multipart/related: RFC 2387 §3.2;
 * multipart/signed: RFC 1847 §2.1; dispositions: RFC 2183.
 */
import { describe, expect, test } from 'vitest';
import { attachments, inlineImages, textParts } from '../../src/bodystructure/find.ts';
import { assignSections } from '../../src/bodystructure/sections.ts';
import {
  filename,
  findSection,
  isMultipart,
  messageSections,
  mimeHeaderSection,
  param,
  walk,
} from '../../src/bodystructure/walk.ts';
import type { BodyStructure, MultipartBody, SinglePartBody } from '../../src/model/body.ts';

function part(type: string, subtype: string, extra: Partial<SinglePartBody> = {}): SinglePartBody {
  return {
    type,
    subtype,
    section: '',
    params: [],
    id: null,
    description: null,
    encoding: '7bit',
    size: 10,
    ...extra,
  };
}

function multi(subtype: string, parts: BodyStructure[], extra: Partial<MultipartBody> = {}): MultipartBody {
  return { type: 'multipart', subtype, parts, ...extra };
}

/** A tree numbered by `assignSections`, as the parser hands it out. */
function numbered<T extends BodyStructure>(root: T): T {
  assignSections(root);
  return root;
}

const attachment = { type: 'attachment', params: [{ name: 'filename', value: 'a.pdf' }] };

describe('assignSections (RFC 9051 §6.4.5)', () => {
  test('a message that is not multipart is part 1; its encapsulated body is 1.1', () => {
    const inner = part('text', 'plain');
    const root = numbered(part('message', 'rfc822', { body: inner }));
    expect([root.section, inner.section]).toEqual(['1', '1.1']);
  });

  test('a single part that says "multipart" (no parts list) is numbered as a single part', () => {
    expect(numbered(part('multipart', 'mixed')).section).toBe('1');
  });

  test('a root multipart has no number, even one it had before', () => {
    const root = multi('mixed', [part('text', 'plain'), part('image', 'png')], { section: 'stale' });
    numbered(root);
    expect('section' in root).toBe(false);
    expect(root.parts.map((p) => p.section)).toEqual(['1', '2']);
  });

  test('nested multiparts and a message/rfc822 whose body is multipart (no level of its own)', () => {
    const fwdBody = multi('alternative', [part('text', 'plain'), part('text', 'html')], { section: 'x' });
    const fwd = part('message', 'rfc822', { body: fwdBody });
    const inner = multi('related', [part('text', 'html'), part('image', 'gif')]);
    const root = numbered(multi('mixed', [inner, fwd]));
    expect(inner.section).toBe('1');
    expect(inner.parts.map((p) => p.section)).toEqual(['1.1', '1.2']);
    expect(fwd.section).toBe('2');
    expect('section' in fwdBody).toBe(false);
    expect(fwdBody.parts.map((p) => p.section)).toEqual(['2.1', '2.2']);
    expect([...walk(root)].map((e) => e.node.section ?? '-')).toEqual([
      '-',
      '1',
      '1.1',
      '1.2',
      '2',
      '-',
      '2.1',
      '2.2',
    ]);
  });
});

describe('walk.ts', () => {
  const body = part('text', 'plain');
  const msg = part('message', 'rfc822', { body });
  const alt = multi('alternative', [part('text', 'plain'), part('text', 'html')]);
  const root = numbered(multi('mixed', [alt, msg, part('image', 'png')]));

  test('isMultipart: type multipart with parts', () => {
    expect(isMultipart(root)).toBe(true);
    expect(isMultipart(body)).toBe(false);
    // A single part that calls itself multipart (no parts list) is not walked as one.
    expect(isMultipart(part('multipart', 'mixed'))).toBe(false);
  });

  test('walk: parents before children, in section order, with parent and depth', () => {
    expect([...walk(root)].map((e) => [e.node.section ?? '-', e.parent?.section ?? '-', e.depth])).toEqual([
      ['-', '-', 0],
      ['1', '-', 1],
      ['1.1', '1', 2],
      ['1.2', '1', 2],
      ['2', '-', 1],
      ['2.1', '2', 2],
      ['3', '-', 1],
    ]);
    expect([...walk(root)][0]!.parent).toBeUndefined();
  });

  test('findSection finds a node or gives undefined', () => {
    expect(findSection(root, '2.1')).toBe(body);
    expect(findSection(root, '1.2')?.subtype).toBe('html');
    expect(findSection(root, '4')).toBeUndefined();
  });

  test('param: names compared lower-cased, undefined when absent', () => {
    const params = [
      { name: 'name', value: 'n.txt' },
      { name: 'charset', value: 'utf-8' },
    ];
    expect(param(params, 'CharSet')).toBe('utf-8');
    expect(param(params, 'format')).toBeUndefined();
    expect(param(undefined, 'charset')).toBeUndefined();
  });

  test('filename: the disposition filename first, then the Content-Type name; none for a multipart', () => {
    const both = part('application', 'pdf', {
      params: [{ name: 'name', value: 'type.pdf' }],
      disposition: { type: 'attachment', params: [{ name: 'filename', value: 'disp.pdf' }] },
    });
    expect(filename(both)).toBe('disp.pdf');
    expect(filename(part('application', 'pdf', { params: [{ name: 'name', value: 'type.pdf' }] }))).toBe(
      'type.pdf',
    );
    expect(filename(multi('mixed', [], { params: [{ name: 'name', value: 'm' }] }))).toBeUndefined();
    expect(filename(multi('mixed', [], { disposition: attachment }))).toBe('a.pdf');
  });

  test('mimeHeaderSection and messageSections', () => {
    expect(mimeHeaderSection(body, root)).toBe('2.1.MIME');
    const single = numbered(part('text', 'plain'));
    expect(mimeHeaderSection(single, single)).toBe('HEADER');
    expect(messageSections(msg)).toEqual({ header: '2.HEADER', text: '2.TEXT' });
    expect(messageSections(body)).toBeUndefined();
    // A message part without its encapsulated body (quirk messageWithoutEnvelope) has no header.
    expect(messageSections(part('message', 'rfc822', { section: '3' }))).toBeUndefined();
  });
});

describe('find.ts', () => {
  const sections = (t: { plain?: SinglePartBody; html?: SinglePartBody }) => [
    t.plain?.section,
    t.html?.section,
  ];

  test('textParts: the first plain and the first HTML part that are not attachments', () => {
    const root = numbered(
      multi('mixed', [
        part('text', 'plain', { disposition: attachment }),
        part('text', 'plain', { params: [{ name: 'name', value: 'notes.txt' }] }),
        part('text', 'plain', {
          params: [{ name: 'name', value: 'shown.txt' }],
          disposition: { type: 'inline', params: [] },
        }),
        part('text', 'plain'),
        part('text', 'html'),
        part('text', 'html'),
      ]),
    );
    expect(sections(textParts(root))).toEqual(['3', '5']);
  });

  test('textParts: related (RFC 2387 start), signed (first part only), encrypted (nothing)', () => {
    const related = (start: string | undefined) =>
      numbered(
        multi('related', [part('text', 'html'), part('text', 'plain', { id: '<root@x>' })], {
          params: start === undefined ? [] : [{ name: 'start', value: start }],
        }),
      );
    expect(sections(textParts(related('<root@x>')))).toEqual(['2', undefined]);
    expect(sections(textParts(related(undefined)))).toEqual([undefined, '1']);
    expect(sections(textParts(related('<other@x>')))).toEqual([undefined, '1']);
    expect(sections(textParts(numbered(multi('related', []))))).toEqual([undefined, undefined]);
    const signed = numbered(multi('signed', [part('text', 'html'), part('text', 'plain')]));
    expect(sections(textParts(signed))).toEqual([undefined, '1']);
    const encrypted = numbered(multi('encrypted', [part('text', 'plain'), part('text', 'html')]));
    expect(sections(textParts(encrypted))).toEqual([undefined, undefined]);
    // A forwarded message's text is not the message's text.
    const fwd = numbered(multi('mixed', [part('message', 'rfc822', { body: part('text', 'plain') })]));
    expect(sections(textParts(fwd))).toEqual([undefined, undefined]);
  });

  test('attachments: dispositions, names, forwarded messages, non-text parts; not the text shown', () => {
    const root = numbered(
      multi('mixed', [
        part('text', 'plain'),
        part('text', 'plain', { disposition: attachment }),
        part('message', 'rfc822', { body: part('text', 'plain') }),
        part('message', 'delivery-status'),
        part('application', 'octet-stream'),
        part('text', 'csv', { disposition: { type: 'inline', params: [] } }),
        multi('related', [
          part('text', 'html'),
          part('image', 'png', { id: '<logo@x>' }),
          part('image', 'gif', { id: '<pic@x>', disposition: attachment }),
          part('image', 'jpeg'),
        ]),
      ]),
    );
    expect(attachments(root).map((p) => p.section)).toEqual(['2', '3', '4', '5', '7.3', '7.4']);
  });

  test('textParts: text/* only, an attachment disposition without a name, every sibling visited', () => {
    const root = numbered(
      multi('mixed', [
        multi('alternative', [part('text', 'plain', { disposition: { type: 'attachment', params: [] } })]),
        part('application', 'html'),
        part('text', 'plain'),
        part('text', 'html'),
      ]),
    );
    expect(sections(textParts(root))).toEqual(['3', '4']);
    const alt = numbered(
      multi('mixed', [multi('alternative', [part('text', 'plain')]), part('text', 'html')]),
    );
    expect(sections(textParts(alt))).toEqual(['1.1', '2']);
  });

  test('attachments: an inline image outside a multipart/related is an attachment', () => {
    const root = numbered(multi('mixed', [part('text', 'plain'), part('image', 'png', { id: '<i@x>' })]));
    expect(attachments(root).map((p) => p.section)).toEqual(['2']);
  });

  test('attachments of a message that is itself one message part', () => {
    // A message/rfc822 at the root (its own body encapsulated) is the thing to save.
    const fwd = numbered(part('message', 'rfc822', { body: part('text', 'plain') }));
    expect(attachments(fwd)).toEqual([fwd]);
    // A delivery status at the root is the message, not an attachment of it.
    expect(attachments(numbered(part('message', 'delivery-status')))).toEqual([]);
  });

  test('attachments: a message that is one non-text part is not its own attachment', () => {
    expect(attachments(numbered(part('application', 'pdf')))).toEqual([]);
    const named = numbered(part('application', 'pdf', { disposition: attachment }));
    expect(attachments(named)).toEqual([named]);
  });

  test('inlineImages: images with a Content-ID, without its angle brackets', () => {
    const root = numbered(
      multi('mixed', [
        multi('related', [
          part('text', 'html'),
          part('image', 'png', { id: '<logo@x>' }),
          part('image', 'png', { id: 'bare@x' }),
          part('image', 'png', { id: '<a<b>' }),
          part('image', 'png', { id: '<c>d>' }),
          part('image', 'png', { id: '<att@x>', disposition: attachment }),
          part('image', 'png'),
          part('application', 'pdf', { id: '<doc@x>' }),
        ]),
        part('image', 'gif', { id: '<late@x>' }),
      ]),
    );
    expect(inlineImages(root).map((i) => [i.contentId, i.part.section])).toEqual([
      ['logo@x', '1.2'],
      ['bare@x', '1.3'],
      ['a<b', '1.4'],
      ['c>d', '1.5'],
      ['late@x', '2'],
    ]);
  });
});
