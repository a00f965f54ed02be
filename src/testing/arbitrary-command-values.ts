/**
 * fast-check arbitraries of the values inside typed commands (strings, sets, dates, FETCH items,
 * SEARCH keys); arbitrary.ts builds commands from them.
 *
 * The commands are in the command parser's canonical form (what it
 * gives back): booleans only when true, sequence sets as wire text, dates as ISO text, BODY[]
 * with its section object. Strings are hostile: CR, LF, `{5+}`, quotes, backslashes, 8-bit,
 * emoji; NUL only where a literal8 can carry it.
 */
import fc from 'fast-check';
import { compressUids } from '../encoder/sequence-set.ts';
import { FETCH_SIMPLE_ITEMS, type FetchItem } from '../model/command-fetch.ts';
import { SEARCH_DATE_KEYS, SEARCH_FLAG_KEYS, type SearchKey } from '../model/command-search.ts';
import type { SectionText } from '../model/fetch.ts';

export const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', '0', '7', '.', '/', '-', '_', '$', '~', '#') },
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
      ' ',
      '(',
      ')',
      '*',
      '%',
      '&',
      ']',
      '[',
      '\t',
      '\x7f',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('é', '😀', '台', '\u0080', 'Ж', '{5+}', '{5}\r\n', '~{3}', 'NIL') },
);
/** Text without NUL (any other character a JS string holds well-formed). */
export const text = fc.string({ unit, maxLength: 24 });
export const nonEmpty = fc.string({ unit, minLength: 1, maxLength: 24 });
/** Bytes without NUL. */
export const bytes = fc.uint8Array({ min: 1, max: 255, maxLength: 24 });
export const imapString = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: bytes });
/** Mailbox names as text (the parser decodes them back to text). */
export const mailbox = fc.oneof(
  text,
  fc.constantFrom('INBOX', 'inbox', 'Sent', 'a/b', '&', '&Jjo', '台北/日本語', '', 'NIL'),
);
export const atomChar = fc.constantFrom(..."abcXYZ019-_.$!#&'+,/:;<=>?@^`|~".split(''));
export const atom = fc
  .string({ unit: atomChar, minLength: 1, maxLength: 10 })
  .filter((s) => s.toUpperCase() !== 'NIL');
export const keyword = atom;
export const flag = fc
  .oneof(
    fc.constantFrom('\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft', '$Forwarded', '$Junk'),
    keyword,
    atom.map((a) => `\\${a}`),
  )
  .filter((f) => f.toLowerCase() !== '\\recent');
export const nz = fc.integer({ min: 1, max: 0xffffffff });
export const u32 = fc.integer({ min: 0, max: 0xffffffff });
export const modseq = fc.bigInt({ min: 1n, max: 2n ** 63n - 1n });
export const modseqZ = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n });

export const seqItem = fc.oneof(
  nz,
  fc.constant('*' as const),
  fc.tuple(fc.oneof(nz, fc.constant('*' as const)), fc.oneof(nz, fc.constant('*' as const))),
);
/** A sequence set as wire text. */
export const seqSet = fc.oneof(
  fc
    .array(seqItem, { minLength: 1, maxLength: 5 })
    .map((items) =>
      items
        .map((i) => (Array.isArray(i) ? (i[0] === i[1] ? String(i[0]) : `${i[0]}:${i[1]}`) : String(i)))
        .join(','),
    ),
  fc.constant('$'),
);
export const uidSet = fc.array(nz, { minLength: 1, maxLength: 8 }).map((u) => compressUids(u));
export const date = fc
  .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
export const dateTime = fc
  .tuple(date, fc.integer({ min: 0, max: 86399 }), fc.integer({ min: -719, max: 719 }))
  .map(([d, s, z]) => {
    const p = (n: number) => String(n).padStart(2, '0');
    const zone = `${z < 0 ? '-' : '+'}${p(Math.floor(Math.abs(z) / 60))}:${p(Math.abs(z) % 60)}`;
    return `${d}T${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}${zone}`;
  });
export const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Drops `undefined` fields (the parser omits absent ones). */
export function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
export const yes = opt(fc.constant(true as const));

export const part = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 3 });
export const partial = fc.record({ origin: u32, count: nz });
export const headerField = fc.oneof(atom, text);
export const fetchItem: fc.Arbitrary<FetchItem> = fc.oneof(
  fc.constantFrom(...FETCH_SIMPLE_ITEMS).map((item) => ({ item }) as FetchItem),
  fc
    .record({
      part: opt(part),
      text: opt(fc.constantFrom<SectionText>('HEADER', 'HEADER.FIELDS', 'HEADER.FIELDS.NOT', 'TEXT', 'MIME')),
      fields: fc.array(headerField, { minLength: 1, maxLength: 3 }),
      peek: yes,
      partial: opt(partial),
    })
    .map(({ part: p, text: t, fields, peek, partial: pa }) => {
      const tx = t === 'MIME' && p === undefined ? 'TEXT' : t;
      const section = clean({
        part: p,
        text: tx,
        fields: tx === 'HEADER.FIELDS' || tx === 'HEADER.FIELDS.NOT' ? fields : undefined,
      });
      return clean({ item: 'BODY[]', section, peek, partial: pa }) as FetchItem;
    }),
  fc
    .record({ part: opt(part), peek: yes, partial: opt(partial) })
    .map((r) => clean({ item: 'BINARY[]', ...r }) as FetchItem),
  fc.record({ part: opt(part) }).map((r) => clean({ item: 'BINARY.SIZE', ...r }) as FetchItem),
  yes.map((lazy) => clean({ item: 'PREVIEW', lazy }) as FetchItem),
);

const { searchKey } = fc.letrec<{ searchKey: SearchKey }>((tie) => ({
  searchKey: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SEARCH_FLAG_KEYS).map((key) => ({ key }) as SearchKey),
    fc.record({ key: fc.constantFrom('KEYWORD', 'UNKEYWORD'), flag: keyword }) as fc.Arbitrary<SearchKey>,
    fc.record({
      key: fc.constantFrom('BCC', 'BODY', 'CC', 'FROM', 'SUBJECT', 'TEXT', 'TO', 'X-GM-RAW'),
      value: imapString,
    }) as fc.Arbitrary<SearchKey>,
    fc.record({
      key: fc.constant('HEADER'),
      field: imapString,
      value: imapString,
    }) as fc.Arbitrary<SearchKey>,
    fc.record({
      key: fc.constantFrom(...SEARCH_DATE_KEYS),
      date,
    }) as fc.Arbitrary<SearchKey>,
    fc.record({
      key: fc.constantFrom('LARGER', 'SMALLER'),
      size: fc.maxSafeNat(),
    }) as fc.Arbitrary<SearchKey>,
    fc.record({ key: fc.constantFrom('OLDER', 'YOUNGER'), seconds: nz }) as fc.Arbitrary<SearchKey>,
    fc.record({ key: fc.constantFrom('UID', 'SEQUENCE-SET'), set: seqSet }) as fc.Arbitrary<SearchKey>,
    fc.record({ key: fc.constant('NOT'), operand: tie('searchKey') }) as fc.Arbitrary<SearchKey>,
    fc.record({
      key: fc.constant('OR'),
      left: tie('searchKey'),
      right: tie('searchKey'),
    }) as fc.Arbitrary<SearchKey>,
    fc.record({
      key: fc.constant('AND'),
      operands: fc.array(tie('searchKey'), { minLength: 1, maxLength: 3 }),
    }) as fc.Arbitrary<SearchKey>,
    fc
      .record({
        modseq: modseqZ,
        entry: opt(
          fc.record({
            name: fc.oneof(fc.stringMatching(/^[\x20-\x7e]{0,20}$/), fc.constant('/flags/\\draft')),
            type: fc.constantFrom('priv', 'shared', 'all'),
          }),
        ),
      })
      .map((r) => clean({ key: 'MODSEQ', ...r }) as SearchKey),
    fc.record({ key: fc.constantFrom('X-GM-MSGID', 'X-GM-THRID'), id: modseqZ }) as fc.Arbitrary<SearchKey>,
    fc.record({
      key: fc.constant('X-GM-LABELS'),
      label: fc.oneof(mailbox, fc.constant('\\Inbox')),
    }) as fc.Arbitrary<SearchKey>,
    fc.record({
      key: fc.constantFrom('EMAILID', 'THREADID'),
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/),
    }) as fc.Arbitrary<SearchKey>,
  ),
}));

export { searchKey };
