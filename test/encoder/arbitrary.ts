/**
 * fast-check arbitraries of typed commands in the command parser's canonical form (what it
 * gives back): booleans only when true, sequence sets as wire text, dates as ISO text, BODY[]
 * with its section object. Strings are hostile: CR, LF, `{5+}`, quotes, backslashes, 8-bit,
 * emoji; NUL only where a literal8 can carry it.
 */
import { fc } from '@fast-check/vitest';
import { compressUids } from '../../src/encoder/sequence-set.ts';
import type { Command, SequenceSetInput } from '../../src/model/command.ts';
import type { FetchItem } from '../../src/model/command-fetch.ts';
import type { NotifyEvent, NotifyGroup } from '../../src/model/command-notify.ts';
import type { SearchKey } from '../../src/model/command-search.ts';
import type { SectionText } from '../../src/model/fetch.ts';

const unit = fc.oneof(
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
const nonEmpty = fc.string({ unit, minLength: 1, maxLength: 24 });
/** Bytes without NUL. */
const bytes = fc.uint8Array({ min: 1, max: 255, maxLength: 24 });
export const imapString = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: bytes });
/** Mailbox names as text (the parser decodes them back to text). */
export const mailbox = fc.oneof(
  text,
  fc.constantFrom('INBOX', 'inbox', 'Sent', 'a/b', '&', '&Jjo', '台北/日本語', '', 'NIL'),
);
const atomChar = fc.constantFrom(..."abcXYZ019-_.$!#&'+,/:;<=>?@^`|~".split(''));
export const atom = fc
  .string({ unit: atomChar, minLength: 1, maxLength: 10 })
  .filter((s) => s.toUpperCase() !== 'NIL');
const keyword = atom;
const flag = fc
  .oneof(
    fc.constantFrom('\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft', '$Forwarded', '$Junk'),
    keyword,
    atom.map((a) => `\\${a}`),
  )
  .filter((f) => f.toLowerCase() !== '\\recent');
const nz = fc.integer({ min: 1, max: 0xffffffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const modseq = fc.bigInt({ min: 1n, max: 2n ** 63n - 1n });
const modseqZ = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n });

const seqItem = fc.oneof(
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
const uidSet = fc.array(nz, { minLength: 1, maxLength: 8 }).map((u) => compressUids(u));
const date = fc
  .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateTime = fc
  .tuple(date, fc.integer({ min: 0, max: 86399 }), fc.integer({ min: -719, max: 719 }))
  .map(([d, s, z]) => {
    const p = (n: number) => String(n).padStart(2, '0');
    const zone = `${z < 0 ? '-' : '+'}${p(Math.floor(Math.abs(z) / 60))}:${p(Math.abs(z) % 60)}`;
    return `${d}T${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}${zone}`;
  });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Drops `undefined` fields (the parser omits absent ones). */
function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
const yes = opt(fc.constant(true as const));

const part = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 3 });
const partial = fc.record({ origin: u32, count: nz });
const headerField = fc.oneof(atom, text);
export const fetchItem: fc.Arbitrary<FetchItem> = fc.oneof(
  fc
    .constantFrom(
      'UID',
      'FLAGS',
      'ENVELOPE',
      'INTERNALDATE',
      'RFC822.SIZE',
      'RFC822',
      'RFC822.HEADER',
      'RFC822.TEXT',
      'BODY',
      'BODYSTRUCTURE',
      'MODSEQ',
      'EMAILID',
      'THREADID',
      'SAVEDATE',
      'X-GM-MSGID',
      'X-GM-THRID',
      'X-GM-LABELS',
    )
    .map((item) => ({ item }) as FetchItem),
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
    fc
      .constantFrom(
        'ALL',
        'ANSWERED',
        'DELETED',
        'DRAFT',
        'FLAGGED',
        'NEW',
        'OLD',
        'RECENT',
        'SEEN',
        'UNANSWERED',
        'UNDELETED',
        'UNDRAFT',
        'UNFLAGGED',
        'UNSEEN',
        'SAVEDATESUPPORTED',
      )
      .map((key) => ({ key }) as SearchKey),
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
      key: fc.constantFrom(
        'BEFORE',
        'ON',
        'SINCE',
        'SENTBEFORE',
        'SENTON',
        'SENTSINCE',
        'SAVEDBEFORE',
        'SAVEDON',
        'SAVEDSINCE',
      ),
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

const criteria = fc.array(searchKey, { minLength: 1, maxLength: 4 });
const returnOpts = opt(fc.subarray(['MIN', 'MAX', 'ALL', 'COUNT', 'SAVE'] as const).map((a) => [...a]));
const statusItems = fc
  .subarray(
    [
      'MESSAGES',
      'UIDNEXT',
      'UIDVALIDITY',
      'UNSEEN',
      'DELETED',
      'SIZE',
      'RECENT',
      'HIGHESTMODSEQ',
      'APPENDLIMIT',
      'MAILBOXID',
    ] as const,
    { minLength: 1 },
  )
  .map((a) => [...a]);
const charset = fc.oneof(fc.constantFrom('UTF-8', 'US-ASCII', 'ISO-8859-1'), fc.constant('x y'));

const notifyEvent: fc.Arbitrary<NotifyEvent> = fc.constantFrom(
  'MessageNew',
  'MessageExpunge',
  'FlagChange',
  'AnnotationChange',
  'MailboxName',
  'SubscriptionChange',
  'MailboxMetadataChange',
  'ServerMetadataChange',
);
const notifyGroup: fc.Arbitrary<NotifyGroup> = fc.oneof(
  fc.record({
    filter: fc.constantFrom('selected', 'selected-delayed') as fc.Arbitrary<'selected'>,
    events: fc.option(
      fc.array(
        fc.oneof(
          notifyEvent,
          fc
            .array(fetchItem, { minLength: 1, maxLength: 3 })
            .map((fetch) => ({ event: 'MessageNew', fetch }) as NotifyEvent),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    ),
  }),
  fc.record({
    filter: fc.constantFrom('inboxes', 'personal', 'subscribed') as fc.Arbitrary<'personal'>,
    events: fc.option(fc.array(notifyEvent, { minLength: 1, maxLength: 3 })),
  }),
  fc.record({
    filter: fc.constantFrom('subtree', 'mailboxes') as fc.Arbitrary<'subtree'>,
    mailboxes: fc.array(mailbox, { minLength: 1, maxLength: 3 }),
    events: fc.option(fc.array(notifyEvent, { minLength: 1, maxLength: 3 })),
  }),
);

/** Every command, canonical. `binary`: the server has BINARY (APPEND may carry NUL). */
export function command(binary: boolean): fc.Arbitrary<Command> {
  const content = binary
    ? fc.uint8Array({ maxLength: 40 })
    : fc.oneof(
        text.map((s) => new TextEncoder().encode(s)),
        bytes,
      );
  return fc.oneof(
    fc
      .constantFrom(
        'CAPABILITY',
        'NOOP',
        'LOGOUT',
        'STARTTLS',
        'NAMESPACE',
        'IDLE',
        'CHECK',
        'CLOSE',
        'UNSELECT',
      )
      .map((name) => ({ name }) as Command),
    fc.record({ name: fc.constant('LOGIN'), username: imapString, password: imapString }),
    fc
      .record({ mechanism: atom, initialResponse: opt(fc.uint8Array({ maxLength: 30 })) })
      .map((r) => clean({ name: 'AUTHENTICATE', ...r }) as Command),
    fc.record({ name: fc.constant('ENABLE'), capabilities: fc.array(atom, { minLength: 1, maxLength: 3 }) }),
    fc.record({
      name: fc.constant('ID'),
      parameters: fc.option(
        fc.array(fc.record({ field: imapString, value: fc.option(imapString) }), { maxLength: 3 }),
      ),
    }),
    fc
      .record({
        name: fc.constantFrom('SELECT', 'EXAMINE'),
        mailbox,
        condstore: yes,
        qresync: opt(
          fc
            .record({
              uidValidity: nz,
              modseq,
              knownUids: opt(uidSet),
              seqMatch: opt(fc.record({ sequences: uidSet, uids: uidSet })),
            })
            .map(clean),
        ),
      })
      .map((r) => clean(r) as Command),
    fc
      .record({
        mailbox,
        specialUse: opt(
          fc.array(
            atom.map((a) => `\\${a}`),
            { maxLength: 3 },
          ),
        ),
      })
      .map((r) => clean({ name: 'CREATE', ...r }) as Command),
    fc.record({ name: fc.constantFrom('DELETE', 'SUBSCRIBE', 'UNSUBSCRIBE'), mailbox }),
    fc.record({ name: fc.constant('RENAME'), from: mailbox, to: mailbox }),
    fc
      .record({
        selection: opt(fc.subarray(['SUBSCRIBED', 'REMOTE', 'SPECIAL-USE'] as const).map((a) => [...a])),
        reference: mailbox,
        pattern: fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 })),
        return: opt(
          fc.array(
            fc.oneof(
              fc.constantFrom('SUBSCRIBED', 'CHILDREN', 'SPECIAL-USE'),
              statusItems.map((status) => ({ status })),
            ),
            { maxLength: 3 },
          ),
        ),
      })
      .map((r) => clean({ name: 'LIST', ...r }) as Command),
    fc.record({ name: fc.constant('LSUB'), reference: mailbox, pattern: text }),
    fc.record({ name: fc.constant('STATUS'), mailbox, items: statusItems }),
    fc
      .record({
        mailbox,
        messages: fc.array(
          fc.record({
            flags: opt(fc.array(flag, { maxLength: 3 })),
            date: opt(dateTime),
            content,
            binary: binary ? yes : fc.constant(undefined),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      })
      .map(
        (r) =>
          ({
            name: 'APPEND',
            mailbox: r.mailbox,
            messages: r.messages.map((m) =>
              clean({ ...m, binary: m.binary || (m.content as Uint8Array).includes(0) ? true : undefined }),
            ),
          }) as Command,
      ),
    fc.record({ uids: opt(seqSet) }).map((r) => clean({ name: 'EXPUNGE', ...r }) as Command),
    fc
      .record({ uid: yes, return: returnOpts, charset: opt(charset), criteria })
      .map((r) => clean({ name: 'SEARCH', ...r }) as Command),
    fc
      .record({
        uid: fc.boolean(),
        sequence: seqSet,
        items: fc.oneof(
          fc.constantFrom('ALL', 'FAST', 'FULL'),
          fetchItem,
          fc.array(fetchItem, { minLength: 1, maxLength: 4 }),
        ),
        changedSince: opt(modseq),
        vanished: yes,
      })
      .map(
        (r) =>
          clean({
            name: 'FETCH',
            ...r,
            uid: r.uid || undefined,
            vanished: r.uid && r.changedSince !== undefined ? r.vanished : undefined,
          }) as Command,
      ),
    fc
      .record({
        uid: yes,
        sequence: seqSet,
        operation: fc.constantFrom('replace', 'add', 'remove'),
        silent: yes,
        what: fc.oneof(
          fc.array(flag, { maxLength: 3 }).map((flags) => ({ flags })),
          fc
            .array(fc.oneof(mailbox, fc.constant('\\Important')), { maxLength: 3 })
            .map((labels) => ({ labels })),
        ),
        unchangedSince: opt(modseqZ),
      })
      .map(({ what, ...r }) => clean({ name: 'STORE', ...r, ...what }) as Command),
    fc
      .record({ name: fc.constantFrom('COPY', 'MOVE'), uid: yes, sequence: seqSet, mailbox })
      .map((r) => clean(r) as Command),
    fc.oneof(
      fc.constant({ name: 'NOTIFY', groups: null } as Command),
      fc
        .record({ status: yes, groups: fc.array(notifyGroup, { minLength: 1, maxLength: 3 }) })
        .map((r) => clean({ name: 'NOTIFY', ...r }) as Command),
    ),
    fc.record({ name: fc.constant('GETQUOTA'), root: imapString }),
    fc.record({ name: fc.constant('GETQUOTAROOT'), mailbox }),
    fc.record({
      name: fc.constant('SETQUOTA'),
      root: imapString,
      limits: fc.array(fc.record({ resource: atom, limit: fc.maxSafeNat() }), { maxLength: 3 }),
    }),
    fc
      .record({
        mailbox,
        entries: fc
          .oneof(nonEmpty, fc.array(nonEmpty, { minLength: 1, maxLength: 3 }))
          .filter((e) => !/[*%]/.test(String(e))),
        maxSize: opt(u32),
        depth: opt(fc.constantFrom('0', '1', 'infinity') as fc.Arbitrary<'0'>),
      })
      .map((r) => clean({ name: 'GETMETADATA', ...r }) as Command),
    fc
      .record({
        mailbox,
        entries: fc.array(
          fc.record({
            entry: nonEmpty.filter((e) => !/[*%]/.test(e)),
            value: fc.option(
              binary
                ? fc.oneof(
                    imapString,
                    fc.uint8Array({ maxLength: 10 }).map((b) => Uint8Array.from([0, ...b])),
                  )
                : imapString,
            ),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      })
      .map((r) => ({ name: 'SETMETADATA', ...r }) as Command),
    fc.constant({ name: 'COMPRESS', mechanism: 'DEFLATE' } as Command),
    fc
      .record({
        uid: yes,
        return: returnOpts,
        sort: fc.array(
          fc
            .record({
              key: fc.constantFrom(
                'ARRIVAL',
                'CC',
                'DATE',
                'FROM',
                'SIZE',
                'SUBJECT',
                'TO',
                'DISPLAYFROM',
                'DISPLAYTO',
              ),
              reverse: yes,
            })
            .map(clean),
          { minLength: 1, maxLength: 3 },
        ),
        charset,
        criteria,
      })
      .map((r) => clean({ name: 'SORT', ...r }) as Command),
    fc
      .record({
        uid: yes,
        algorithm: fc.oneof(fc.constantFrom('ORDEREDSUBJECT', 'REFERENCES'), atom),
        charset,
        criteria,
      })
      .map((r) => clean({ name: 'THREAD', ...r }) as Command),
  ) as fc.Arbitrary<Command>;
}

export type { SequenceSetInput };
