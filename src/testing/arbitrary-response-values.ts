/**
 * fast-check arbitraries of the values inside typed responses: strings, byte strings, names,
 * sequence sets, flags, extension values, envelopes and body structures. `arbitrary-responses.ts`
 * builds whole responses from them.
 *
 * Every value is **valid by construction** and in the **decoder's canonical form**: what
 * `ResponseDecoder` gives back for the bytes `encodeResponse` writes. Where the decoder derives
 * a field (a mailbox's text from its bytes, a subject from its raw bytes, section numbers, a
 * date from its text), the arbitrary derives it with the library's own functions. Strings are
 * hostile where the grammar lets them be: CR, LF, `{5}`, quotes, backslashes, 8-bit, emoji; NUL
 * only where a `literal8` can carry it.
 *
 * fast-check is an optional peer dependency of `imap-wire/testing`; the main entry never imports
 * this folder.
 */
import fc from 'fast-check';
import { assignSections } from '../bodystructure/sections.ts';
import { encodeModifiedUtf7 } from '../encoder/mutf7.ts';
import { parseMailDateBytes } from '../mime/date.ts';
import { headerText, headerTextChanged } from '../mime/header-text.ts';
import type {
  BodyExtension,
  BodyParameter,
  BodyStructure,
  MultipartBody,
  SinglePartBody,
} from '../model/body.ts';
import type { Address, AddressEntry, AddressGroup, Envelope } from '../model/envelope.ts';
import type { SequenceRange, SequenceSet } from '../model/sequence-set.ts';
import type { ExtValue } from '../model/tagged-ext.ts';
import { mailboxName } from '../parser/mailbox.ts';

const utf8 = new TextEncoder();

/** The UTF-8 bytes of a string. */
export const bytesOf = (s: string): Uint8Array => utf8.encode(s);

// ---- strings ---------------------------------------------------------------------------------

/** Characters for strings that go quoted or as literals: the awkward ones weighted up. */
const hostileUnit = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom('a', 'Z', '0', '7', '.', '/', '-', '_', '$', '~', '#', ' ', '=', '?'),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\r',
      '\n',
      '{',
      '}',
      '+',
      '"',
      '\\',
      '(',
      ')',
      '*',
      '%',
      '&',
      ']',
      '[',
      '\t',
      '\x7f',
      '\x01',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('é', '😀', '台', '\u0080', 'Ж', '{5}', '{5}\r\n', '~{3}', 'NIL', 'ü'),
  },
);

/** A string (no NUL), any length up to 24: for `string`, `nstring` and `astring` values read as text. */
export const anyText = fc.string({ unit: hostileUnit, maxLength: 24 });
export const nonEmptyText = fc.string({ unit: hostileUnit, minLength: 1, maxLength: 24 });

/**
 * Text the decoder reads as header text (RFC 2047 decoding, the header-text decoder): without
 * `=?`, so that it comes back as written.
 */
export const headerSafeText = anyText.filter((s) => !s.includes('=?'));

/** Bytes without NUL (`string` / `nstring` values). */
export const someBytes = fc.uint8Array({ min: 1, max: 255, maxLength: 32 });
/** Any bytes, NUL included (`literal8` values: BINARY[], METADATA). */
export const binaryBytes = fc.uint8Array({ maxLength: 32 });

/** The bytes of a text, or raw bytes: a byte-string value. */
export const byteString = fc.oneof(
  { weight: 3, arbitrary: anyText.map(bytesOf) },
  { weight: 1, arbitrary: someBytes },
);

/** A resp-text `text`: no CR, LF or NUL; 8-bit as UTF-8; `[` first only `afterCode`. */
export function respText(afterCode: boolean): fc.Arbitrary<string> {
  const unit = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '.', ':', '(', ')', '"', '\\', '{', '}', '[', ']'),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('\t', '\x7f', '\x01', 'é', '😀', '台', '{5}', '~{3}', 'NIL', '=?'),
    },
  );
  const s = fc.string({ unit, maxLength: 30 });
  return afterCode ? s : s.filter((t) => !t.startsWith('['));
}

// ---- atoms -----------------------------------------------------------------------------------

const atomUnit = fc.constantFrom(..."abcXYZ019-_.$!#&'+,/:;<=>?@^`|~".split(''));
/** An atom (`ATOM-CHAR`), not `NIL`. */
export const atom = fc
  .string({ unit: atomUnit, minLength: 1, maxLength: 10 })
  .filter((s) => s.toUpperCase() !== 'NIL');
/** An atom of capital letters, digits and `-` (names, capabilities). */
export const upperAtom = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'.split('')),
  minLength: 1,
  maxLength: 10,
});
/** A lower-case token (MIME types, encodings, parameter names). */
export const lowerToken = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-.'.split('')),
  minLength: 1,
  maxLength: 10,
});
/** A name no grammar of the decoder claims (response, FETCH item, ESEARCH item …): `X` and an atom. */
export const xName = upperAtom.map((a) => `X${a}`).filter((n) => !n.startsWith('X-GM-'));
/** RFC 8474 `objectid`. */
export const objectId = fc.string({
  unit: fc.constantFrom(...'abcXYZ0189_-'.split('')),
  minLength: 1,
  maxLength: 20,
});

export const nz = fc.integer({ min: 1, max: 0xffffffff });
export const u32 = fc.integer({ min: 0, max: 0xffffffff });
/** A `number64` kept as a JS number (sizes): up to 2^53 - 1. */
export const safeNumber = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.maxSafeNat());
export const modseq = fc.bigInt({ min: 1n, max: 2n ** 63n - 1n });
export const number64 = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n });

/** Flags as sent: system flags, keywords, `\` atoms; `\Recent` (flag-fetch); `\*` with `perm`. */
export function flag(perm = false): fc.Arbitrary<string> {
  const base = fc.oneof(
    fc.constantFrom(
      '\\Seen',
      '\\Answered',
      '\\Flagged',
      '\\Deleted',
      '\\Draft',
      '\\Recent',
      '$Forwarded',
      '$Junk',
    ),
    atom,
    atom.map((a) => `\\${a}`),
  );
  return perm ? fc.oneof(base, fc.constant('\\*')) : base;
}

// ---- names -----------------------------------------------------------------------------------

/** Bytes of a mailbox name as a server sends it: modified UTF-7, UTF-8 or 8-bit bytes. */
export const mailboxBytes = fc.oneof(
  { weight: 3, arbitrary: anyText.map((s) => bytesOf(encodeModifiedUtf7(s))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('INBOX', 'inbox', 'Sent', 'a/b', '&-', '&Jjo', 'NIL', '').map(bytesOf),
  },
  { weight: 1, arbitrary: byteString },
);

/** A name as the decoder gives it: `mailbox` from `mailboxRaw` (INBOX folded, modified UTF-7 decoded). */
export const mailbox = mailboxBytes.map((raw) => ({ mailbox: mailboxName(raw), mailboxRaw: raw }));

/** A name given as text (a Gmail label): any string the decoder's name reading gives back. */
export const nameText = anyText;

/** A hierarchy delimiter: one character, or `null`. */
export const delimiter = fc.oneof(
  fc.constant(null),
  fc.constantFrom('/', '.', '"', '\\', '\t', '・', '😀', ' ', 'a'),
);

// ---- sequence sets ---------------------------------------------------------------------------

function seqNumber(star: boolean): fc.Arbitrary<number | '*'> {
  return star
    ? fc.oneof({ weight: 4, arbitrary: nz }, { weight: 1, arbitrary: fc.constant('*' as const) })
    : nz;
}

/** A sequence set as the decoder gives it: its text and its ranges as written (`star`: `*` allowed). */
export function sequenceSet(star = true): fc.Arbitrary<SequenceSet> {
  const range: fc.Arbitrary<SequenceRange> = fc.oneof(
    seqNumber(star).map((n) => ({ start: n, end: n })),
    fc.tuple(seqNumber(star), seqNumber(star)).map(([start, end]) => ({ start, end })),
  );
  return fc.array(range, { minLength: 1, maxLength: 4 }).chain((ranges) =>
    // A range whose ends are equal may be written either way: `3` or `3:3`.
    fc.array(fc.boolean(), { minLength: ranges.length, maxLength: ranges.length }).map((long) => ({
      text: ranges
        .map((r, i) => (r.start === r.end && !long[i] ? `${r.start}` : `${r.start}:${r.end}`))
        .join(','),
      ranges,
    })),
  );
}

// ---- extension values ------------------------------------------------------------------------

const extTokenUnit = fc.constantFrom(...'abcXYZ019-_.:,*]$'.split(''));

/** A `tagged-ext-val` tree as the decoder gives it (tokens as strings, strings as bytes, lists). */
export const extValue: fc.Arbitrary<ExtValue> = fc.letrec<{ value: ExtValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: extTokenUnit, minLength: 1, maxLength: 8 }),
    byteString,
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).value;

/**
 * The wire bytes of one value as the decoder keeps an unknown one raw: an atom, a number, a
 * quoted string, a `{n}` literal, NIL, or a list of them.
 */
export const rawValue: fc.Arbitrary<Uint8Array> = fc
  .letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      atom,
      fc.nat().map(String),
      fc.constant('NIL'),
      fc
        .string({
          unit: fc.constantFrom('a', ' ', '(', ')', ']', '{', '}', '\\"', '\\\\', 'é'),
          maxLength: 8,
        })
        .map((s) => `"${s}"`),
      fc
        .string({ unit: fc.constantFrom('a', '\r', '\n', '"', ')', '{1}\r\n', 'é'), maxLength: 8 })
        .map((s) => `{${bytesOf(s).length}}\r\n${s}`),
      fc.array(tie('value'), { maxLength: 3 }).map((items) => `(${items.join(' ')})`),
    ),
  }))
  .value.map(bytesOf);

// ---- envelope --------------------------------------------------------------------------------

/** Header bytes and the text the decoder reads from them (RFC 2047, 8-bit), with the raw bytes when it differs. */
const headerValue = fc
  .oneof(
    { weight: 4, arbitrary: headerSafeText.map(bytesOf) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '=?UTF-8?Q?caf=C3=A9?=',
          '=?iso-8859-1?B?SGVsbG8gV/5ybGQ=?=',
          'Re: =?utf-8?b?w6k=?= x',
          '=?x?',
        )
        .map(bytesOf),
    },
    { weight: 1, arbitrary: someBytes },
  )
  .map((raw) => {
    const text = headerText(raw, 0, raw.length, null);
    return headerTextChanged() ? { text, raw } : { text, raw: undefined };
  });

const RFC5322_DATES = [
  'Mon, 7 Feb 1994 21:52:25 -0800',
  'Tue, 01 Jan 2030 00:00:00 +0000',
  '29 Feb 2024 12:30:00 +0530',
  'Sun, 31 Dec 2023 23:59:59 GMT',
  'not a date',
  '',
];

const envDate = fc
  .oneof(fc.constant(null), fc.constantFrom(...RFC5322_DATES), headerSafeText)
  .map((dateRaw) => {
    if (dateRaw === null) return { date: null, dateRaw: null };
    const b = bytesOf(dateRaw);
    return { date: parseMailDateBytes(b, 0, b.length, dateRaw), dateRaw };
  });

/** An address (its host not NIL: a NIL host is a group marker). */
export const address: fc.Arbitrary<Address> = fc
  .record({
    name: fc.option(headerValue, { nil: null }),
    adl: fc.option(anyText, { nil: null }),
    mailbox: fc.option(anyText, { nil: null }),
    host: anyText,
  })
  .map(({ name, adl, mailbox: m, host }) => {
    const a: Address = { name: name === null ? null : name.text, adl, mailbox: m, host };
    if (name?.raw !== undefined) a.nameRaw = name.raw;
    return a;
  });

const group: fc.Arbitrary<AddressGroup> = fc.record({
  group: nonEmptyText.filter((s) => !s.includes('=?')),
  members: fc.array(address, { maxLength: 2 }),
});

const addressList: fc.Arbitrary<AddressEntry[] | null> = fc.option(
  fc.array(fc.oneof({ weight: 3, arbitrary: address }, { weight: 1, arbitrary: group }), {
    minLength: 1,
    maxLength: 3,
  }),
  { nil: null },
);

/** An ENVELOPE. */
export const envelope: fc.Arbitrary<Envelope> = fc
  .record({
    date: envDate,
    subject: fc.option(headerValue, { nil: null }),
    from: addressList,
    sender: addressList,
    replyTo: addressList,
    to: addressList,
    cc: addressList,
    bcc: addressList,
    inReplyTo: fc.option(anyText, { nil: null }),
    messageId: fc.option(anyText, { nil: null }),
  })
  .map((e) => {
    const env: Envelope = {
      date: e.date.date,
      dateRaw: e.date.dateRaw,
      subject: e.subject === null ? null : e.subject.text,
      from: e.from,
      sender: e.sender,
      replyTo: e.replyTo,
      to: e.to,
      cc: e.cc,
      bcc: e.bcc,
      inReplyTo: e.inReplyTo,
      messageId: e.messageId,
    };
    if (e.subject?.raw !== undefined) env.subjectRaw = e.subject.raw;
    return env;
  });

// ---- body structure --------------------------------------------------------------------------

const param: fc.Arbitrary<BodyParameter> = fc.record({
  name: lowerToken,
  value: headerSafeText,
});

/** An RFC 2231 parameter (`name*=utf-8'en'…`): the charset as the decoder lower-cases it, no empty parts. */
const rfc2231Param: fc.Arbitrary<BodyParameter> = fc
  .record(
    {
      name: lowerToken,
      value: anyText,
      charset: fc.constant('utf-8'),
      language: fc.constantFrom('en', 'de-CH', 'x'),
    },
    { requiredKeys: ['name', 'value'] },
  )
  .filter((p) => p.charset !== undefined || p.language !== undefined);

/**
 * Parameters, their names unique: with an RFC 2231 name among them the decoder joins the list by
 * name (mime/rfc2231.ts), and a repeated name would be merged.
 */
const params = fc.uniqueArray(
  fc.oneof({ weight: 3, arbitrary: param }, { weight: 1, arbitrary: rfc2231Param }),
  {
    selector: (p) => p.name,
    maxLength: 3,
  },
);

const bodyExtension: fc.Arbitrary<BodyExtension> = fc.letrec<{ ext: BodyExtension }>((tie) => ({
  ext: fc.oneof(
    { depthSize: 'small' },
    headerSafeText,
    fc.maxSafeNat(),
    fc.constant(null),
    fc.array(tie('ext'), { minLength: 1, maxLength: 3 }),
  ),
})).ext;

/**
 * BODYSTRUCTURE's extension fields, positional: a prefix of (first, disposition, language,
 * location, extensions…), `first` being md5 (one part) or the parameters (multipart).
 */
function extensionFields<F>(first: fc.Arbitrary<F>) {
  return fc
    .record({
      n: fc.integer({ min: 0, max: 5 }),
      first,
      disposition: fc.option(fc.record({ type: lowerToken, params }), { nil: null }),
      language: fc.option(fc.array(headerSafeText, { minLength: 1, maxLength: 2 }), { nil: null }),
      location: fc.option(headerSafeText, { nil: null }),
      extensions: fc.array(bodyExtension, { minLength: 1, maxLength: 2 }),
    })
    .map(({ n, first: f, disposition, language, location, extensions }) => ({
      n,
      first: f,
      tail: {
        ...(n >= 2 ? { disposition } : {}),
        ...(n >= 3 ? { language } : {}),
        ...(n >= 4 ? { location } : {}),
        ...(n >= 5 ? { extensions } : {}),
      },
    }));
}

const fields = fc.record({
  params,
  id: fc.option(headerSafeText, { nil: null }),
  description: fc.option(headerSafeText, { nil: null }),
  encoding: fc.oneof(fc.constantFrom('7bit', '8bit', 'base64', 'quoted-printable', 'binary'), lowerToken),
  size: u32,
});

/** A body tree without section numbers (`extensible`: BODYSTRUCTURE's extension data). */
function bodyNode(extensible: boolean): fc.Arbitrary<BodyStructure> {
  return fc.letrec<{ node: BodyStructure }>((tie) => {
    const md5 = extensionFields(fc.option(headerSafeText, { nil: null }));
    const withMd5 = <T extends SinglePartBody>(a: fc.Arbitrary<T>): fc.Arbitrary<T> =>
      extensible ? fc.tuple(a, md5).map(([p, x]) => (x.n === 0 ? p : { ...p, md5: x.first, ...x.tail })) : a;
    const basic = withMd5(
      fc
        .tuple(fc.constantFrom('image', 'application', 'audio', 'video', 'x-custom'), lowerToken, fields)
        .map(([type, subtype, f]): SinglePartBody => ({ type, subtype, section: '', ...f })),
    );
    const text = withMd5(
      fc
        .tuple(lowerToken, fields, safeNumber)
        .map(([subtype, f, lines]): SinglePartBody => ({ type: 'text', subtype, section: '', ...f, lines })),
    );
    const message = withMd5(
      fc.tuple(fc.constantFrom('rfc822', 'global'), fields, envelope, tie('node'), safeNumber).map(
        ([subtype, f, env, body, lines]): SinglePartBody => ({
          type: 'message',
          subtype,
          section: '',
          ...f,
          envelope: env,
          body,
          lines,
        }),
      ),
    );
    const mpParams = extensionFields(params);
    const multipart = fc
      .tuple(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), lowerToken, mpParams)
      .map(([parts, subtype, x]): MultipartBody => {
        const node: MultipartBody = { type: 'multipart', subtype, parts };
        return !extensible || x.n === 0 ? node : { ...node, params: x.first, ...x.tail };
      });
    return {
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        basic,
        text,
        fc.oneof(message, multipart),
      ),
    };
  }).node;
}

/** A BODY (`extensible` false) or BODYSTRUCTURE tree, numbered as the decoder numbers it. */
export function bodyStructure(extensible: boolean): fc.Arbitrary<BodyStructure> {
  return bodyNode(extensible).map((root) => {
    const copy = structuredClone(root);
    assignSections(copy);
    return copy;
  });
}
