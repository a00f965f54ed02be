/**
 * fast-check arbitraries of FETCH attributes (the FetchAttributes model), each in the decoder's form:
 * INTERNALDATE with the instant read from its text, BODY[]/BINARY[] values with their canonical
 * `section`, envelopes and body structures (arbitrary-response-values.ts), unknown attributes
 * with their raw value bytes.
 */
import fc from 'fast-check';
import type { BodySection, FetchAttributes, SectionText } from '../model/fetch.ts';
import {
  binaryBytes,
  bodyStructure,
  byteString,
  envelope,
  flag,
  modseq,
  nameText,
  nonEmptyText,
  number64,
  nz,
  objectId,
  rawValue,
  safeNumber,
  someBytes,
  u32,
  upperAtom,
  xName,
} from './arbitrary-response-values.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** An INTERNALDATE: its text and the instant the decoder reads from it. */
const internalDate = fc
  .record({
    y: fc.integer({ min: 1970, max: 2099 }),
    mo: fc.integer({ min: 0, max: 11 }),
    d: fc.integer({ min: 1, max: 28 }),
    hh: fc.integer({ min: 0, max: 23 }),
    mm: fc.integer({ min: 0, max: 59 }),
    ss: fc.integer({ min: 0, max: 59 }),
    zone: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
    spaceDay: fc.boolean(),
  })
  .map(({ y, mo, d, hh, mm, ss, zone, spaceDay }) => {
    const z = Math.abs(zone);
    const day = d < 10 ? (spaceDay ? ` ${d}` : `0${d}`) : String(d);
    const raw = `${day}-${MONTHS[mo]}-${y} ${pad2(hh)}:${pad2(mm)}:${pad2(ss)} ${zone < 0 ? '-' : '+'}${pad2(Math.floor(z / 60))}${pad2(z % 60)}`;
    return { internalDate: new Date(Date.UTC(y, mo, d, hh, mm, ss) - zone * 60_000), internalDateRaw: raw };
  });

const part = fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 });

/** A BODY[…] / BINARY[…] value, with its canonical `section` text. */
const bodySection: fc.Arbitrary<BodySection> = fc.oneof(
  fc
    .record({
      part,
      text: fc.option(
        fc.constantFrom<SectionText>('HEADER', 'HEADER.FIELDS', 'HEADER.FIELDS.NOT', 'TEXT', 'MIME'),
        {
          nil: undefined,
        },
      ),
      fields: fc.array(nonEmptyText, { minLength: 1, maxLength: 3 }),
      origin: fc.option(u32, { nil: undefined }),
      value: fc.option(someBytes, { nil: null }),
    })
    .map(({ part: p, text, fields, origin, value }) => {
      const t = text === 'MIME' && p.length === 0 ? 'TEXT' : text;
      let section = p.join('.');
      const s: BodySection = { kind: 'body', section, part: p, value };
      if (t !== undefined) {
        s.text = t;
        section += section === '' ? t : `.${t}`;
        if (t === 'HEADER.FIELDS' || t === 'HEADER.FIELDS.NOT') {
          s.fields = fields;
          section += ` (${fields.join(' ')})`;
        }
      }
      s.section = section;
      if (origin !== undefined) s.origin = origin;
      return s;
    }),
  fc
    .record({
      part,
      origin: fc.option(u32, { nil: undefined }),
      value: fc.option(binaryBytes, { nil: null }),
    })
    .map(({ part: p, origin, value }) => {
      const s: BodySection = { kind: 'binary', section: p.join('.'), part: p, value };
      if (origin !== undefined) s.origin = origin;
      return s;
    }),
);

/** FETCH attributes: a non-empty subset, each in the decoder's form. */
export const fetchAttributes: fc.Arbitrary<FetchAttributes> = fc
  .record(
    {
      uid: nz,
      flags: fc.array(flag(), { maxLength: 4 }),
      modseq,
      date: internalDate,
      rfc822Size: safeNumber,
      envelope,
      body: bodyStructure(false),
      bodyStructure: bodyStructure(true),
      rfc822: fc.option(someBytes, { nil: null }),
      rfc822Header: fc.option(someBytes, { nil: null }),
      rfc822Text: fc.option(someBytes, { nil: null }),
      sections: fc.array(bodySection, { minLength: 1, maxLength: 3 }),
      binarySizes: fc.array(
        fc.tuple(part, u32).map(([p, size]) => ({ section: p.join('.'), part: p, size })),
        { minLength: 1, maxLength: 2 },
      ),
      preview: fc.record(
        { preview: fc.option(byteString, { nil: null }), previewAlgorithm: upperAtom },
        { requiredKeys: ['preview'] },
      ),
      emailId: objectId,
      threadId: fc.option(objectId, { nil: null }),
      gmailMessageId: number64,
      gmailThreadId: number64,
      gmailLabels: fc.array(fc.oneof(nameText, fc.constantFrom('\\Inbox', '\\Important', '\\Sent')), {
        maxLength: 3,
      }),
      unknown: fc.array(fc.record({ name: xName, raw: rawValue }), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  .filter((a) => Object.keys(a).length > 0)
  .map((a) => {
    const { date, preview, ...rest } = a;
    const out: FetchAttributes = rest;
    if (date !== undefined) Object.assign(out, date);
    if (preview !== undefined) Object.assign(out, preview);
    return out;
  });
