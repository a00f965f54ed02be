/**
 * Known answers: typed response → exact bytes, one table row per response kind and per form a
 * value can take (atom, quoted, literal, literal8, NIL), each also decoded back to the same value.
 */
import { describe, expect, test } from 'vitest';
import { parseResponse } from '../../src/decoder.ts';
import type { BodyStructure } from '../../src/model/body.ts';
import type { Envelope } from '../../src/model/envelope.ts';
import type { Response } from '../../src/model/response.ts';
import {
  encodeResponse,
  encodeResponseFragments,
  ResponseEncoder,
} from '../../src/server/response-encoder.ts';

const enc = new TextEncoder();
const b = (s: string): Uint8Array => enc.encode(s);
const latin1 = (u: Uint8Array): string => String.fromCharCode(...u);

const env: Envelope = {
  date: new Date('1994-02-08T05:52:25.000Z'),
  dateRaw: 'Mon, 7 Feb 1994 21:52:25 -0800',
  subject: 'café',
  subjectRaw: b('=?UTF-8?Q?caf=C3=A9?='),
  from: [{ name: 'Bob', adl: null, mailbox: 'bob', host: 'example.org' }],
  sender: null,
  replyTo: null,
  to: [{ group: 'undisclosed', members: [] }],
  cc: null,
  bcc: null,
  inReplyTo: null,
  messageId: '<x@y>',
};

const bodystructure: BodyStructure = {
  type: 'multipart',
  subtype: 'mixed',
  parts: [
    {
      type: 'text',
      subtype: 'plain',
      section: '1',
      params: [{ name: 'charset', value: 'us-ascii' }],
      id: null,
      description: null,
      encoding: '7bit',
      size: 12,
      lines: 1,
      md5: null,
      disposition: null,
      language: ['en'],
    },
    {
      type: 'application',
      subtype: 'pdf',
      section: '2',
      params: [],
      id: '<a@b>',
      description: 'a "pdf"',
      encoding: 'base64',
      size: 300,
      md5: null,
      disposition: { type: 'attachment', params: [{ name: 'filename', value: 'a.pdf' }] },
      language: ['en', 'de'],
      location: null,
      extensions: [1, 'x', null, [2, 'y']],
    },
  ],
  params: [{ name: 'boundary', value: 'xyz' }],
};

/** [what, the response, its bytes (latin1 for 8-bit)] */
const CASES: [string, Response, string][] = [
  [
    'tagged OK with a code',
    { type: 'tagged', tag: 'A1', status: 'OK', code: { name: 'READ-WRITE' }, text: 'SELECT completed' },
    'A1 OK [READ-WRITE] SELECT completed\r\n',
  ],
  ['tagged NO, empty text', { type: 'tagged', tag: 'a.2', status: 'NO', text: '' }, 'a.2 NO \r\n'],
  [
    'tagged BAD, UTF-8 text',
    { type: 'tagged', tag: 'X', status: 'BAD', text: 'é {5}' },
    'X BAD \xc3\xa9 {5}\r\n',
  ],
  [
    'code then text starting with "["',
    { type: 'tagged', tag: 'A', status: 'OK', code: { name: 'ALERT' }, text: '[x]' },
    'A OK [ALERT] [x]\r\n',
  ],
  ['continuation', { type: 'continuation', text: 'Ready for literal' }, '+ Ready for literal\r\n'],
  ['continuation, base64', { type: 'continuation', text: '', base64: b('hi!?') }, '+ aGkhPw==\r\n'],
  [
    'continuation with a code',
    { type: 'continuation', code: { name: 'ALERT' }, text: 'x' },
    '+ [ALERT] x\r\n',
  ],
  [
    '* OK greeting with CAPABILITY',
    {
      type: 'untagged',
      kind: 'ok',
      code: { name: 'CAPABILITY', capabilities: ['IMAP4rev2', 'AUTH=PLAIN'] },
      text: 'ready',
    },
    '* OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready\r\n',
  ],
  ['* NO', { type: 'untagged', kind: 'no', text: 'disk full' }, '* NO disk full\r\n'],
  ['* BAD', { type: 'untagged', kind: 'bad', text: 'x' }, '* BAD x\r\n'],
  ['* BYE', { type: 'untagged', kind: 'bye', text: 'logging out' }, '* BYE logging out\r\n'],
  ['* PREAUTH', { type: 'untagged', kind: 'preauth', text: 'hi' }, '* PREAUTH hi\r\n'],
  [
    'CAPABILITY',
    { type: 'untagged', kind: 'capability', capabilities: ['IMAP4rev1', 'LITERAL+'] },
    '* CAPABILITY IMAP4rev1 LITERAL+\r\n',
  ],
  ['CAPABILITY, none', { type: 'untagged', kind: 'capability', capabilities: [] }, '* CAPABILITY\r\n'],
  [
    'ENABLED',
    { type: 'untagged', kind: 'enabled', capabilities: ['UTF8=ACCEPT'] },
    '* ENABLED UTF8=ACCEPT\r\n',
  ],
  [
    'FLAGS',
    { type: 'untagged', kind: 'flags', flags: ['\\Seen', '$Junk', 'custom'] },
    '* FLAGS (\\Seen $Junk custom)\r\n',
  ],
  ['EXISTS', { type: 'untagged', kind: 'exists', count: 0 }, '* 0 EXISTS\r\n'],
  ['RECENT', { type: 'untagged', kind: 'recent', count: 4294967295 }, '* 4294967295 RECENT\r\n'],
  ['EXPUNGE', { type: 'untagged', kind: 'expunge', seq: 7 }, '* 7 EXPUNGE\r\n'],
  [
    'SEARCH with MODSEQ',
    { type: 'untagged', kind: 'search', ids: [2, 84], modseq: 917162500n },
    '* SEARCH 2 84 (MODSEQ 917162500)\r\n',
  ],
  ['SEARCH, nothing', { type: 'untagged', kind: 'search', ids: [] }, '* SEARCH\r\n'],
  [
    'FETCH, core items',
    {
      type: 'untagged',
      kind: 'fetch',
      seq: 12,
      attributes: {
        uid: 5,
        flags: ['\\Seen', '\\Recent'],
        modseq: 12n,
        internalDate: new Date('1994-02-08T05:52:25.000Z'),
        internalDateRaw: ' 7-Feb-1994 21:52:25 -0800',
        rfc822Size: 4286,
      },
    },
    '* 12 FETCH (UID 5 FLAGS (\\Seen \\Recent) MODSEQ (12) INTERNALDATE " 7-Feb-1994 21:52:25 -0800" RFC822.SIZE 4286)\r\n',
  ],
  [
    'FETCH, BODY[] sections: quoted, literal, literal8, NIL',
    {
      type: 'untagged',
      kind: 'fetch',
      seq: 1,
      attributes: {
        sections: [
          {
            kind: 'body',
            section: 'HEADER.FIELDS (From To)',
            part: [],
            text: 'HEADER.FIELDS',
            fields: ['From', 'To'],
            value: b('From: a'),
          },
          { kind: 'body', section: '1.2', part: [1, 2], origin: 0, value: b('a\r\nb') },
          { kind: 'binary', section: '1', part: [1], value: new Uint8Array([0, 1]) },
          { kind: 'body', section: '2.MIME', part: [2], text: 'MIME', value: null },
        ],
        binarySizes: [{ section: '1', part: [1], size: 2 }],
      },
    },
    '* 1 FETCH (BODY[HEADER.FIELDS (From To)] "From: a" BODY[1.2]<0> {4}\r\na\r\nb BINARY[1] ~{2}\r\n\x00\x01 BODY[2.MIME] NIL BINARY.SIZE[1] 2)\r\n',
  ],
  [
    'FETCH, RFC822 items and extensions',
    {
      type: 'untagged',
      kind: 'fetch',
      seq: 3,
      attributes: {
        rfc822: null,
        rfc822Header: b('X: y'),
        rfc822Text: b(''),
        preview: b('Hello'),
        emailId: 'M6d99ac3275bb4e',
        threadId: null,
        gmailMessageId: 1278455344230334865n,
        gmailThreadId: 1n,
        gmailLabels: ['\\Inbox', 'Sent Items', '台北'],
        unknown: [{ name: 'X-FOO[1]<0>', raw: b('(a {1}\r\nb)') }],
      },
    },
    '* 3 FETCH (RFC822 NIL RFC822.HEADER "X: y" RFC822.TEXT "" PREVIEW "Hello" EMAILID (M6d99ac3275bb4e) THREADID NIL X-GM-MSGID 1278455344230334865 X-GM-THRID 1 X-GM-LABELS (\\Inbox "Sent Items" &U,BTFw-) X-FOO[1]<0> (a {1}\r\nb))\r\n',
  ],
  [
    'FETCH, SNIPPET (draft preview form)',
    { type: 'untagged', kind: 'fetch', seq: 1, attributes: { preview: null, previewAlgorithm: 'FUZZY' } },
    '* 1 FETCH (SNIPPET (FUZZY NIL))\r\n',
  ],
  [
    'FETCH ENVELOPE: dateRaw, subjectRaw, a group',
    { type: 'untagged', kind: 'fetch', seq: 2, attributes: { envelope: env } },
    '* 2 FETCH (ENVELOPE ("Mon, 7 Feb 1994 21:52:25 -0800" "=?UTF-8?Q?caf=C3=A9?=" (("Bob" NIL "bob" "example.org")) NIL NIL ((NIL NIL "undisclosed" NIL)(NIL NIL NIL NIL)) NIL NIL NIL "<x@y>"))\r\n',
  ],
  [
    'FETCH BODYSTRUCTURE with extension data',
    { type: 'untagged', kind: 'fetch', seq: 4, attributes: { bodyStructure: bodystructure } },
    '* 4 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 12 1 NIL NIL "en")("application" "pdf" NIL "<a@b>" "a \\"pdf\\"" "base64" 300 NIL ("attachment" ("filename" "a.pdf")) ("en" "de") NIL 1 "x" NIL (2 "y")) "mixed" ("boundary" "xyz")))\r\n',
  ],
  [
    'STATUS',
    {
      type: 'untagged',
      kind: 'status',
      mailbox: 'Sent Items',
      mailboxRaw: b('Sent Items'),
      attributes: { messages: 5, uidNext: 9, highestModseq: 0n, appendLimit: null, mailboxId: 'F2212' },
    },
    '* STATUS "Sent Items" (MESSAGES 5 UIDNEXT 9 HIGHESTMODSEQ 0 APPENDLIMIT NIL MAILBOXID (F2212))\r\n',
  ],
  [
    'STATUS, an unknown item and the name given as text',
    {
      type: 'untagged',
      kind: 'status',
      mailbox: '日本語',
      attributes: { unknown: [{ name: 'X-FOO', raw: b('(1 2)') }] },
    } as unknown as Response,
    '* STATUS &ZeVnLIqe- (X-FOO (1 2))\r\n',
  ],
  [
    'LIST with extended items',
    {
      type: 'untagged',
      kind: 'list',
      flags: ['\\HasNoChildren', '\\Sent'],
      specialUse: ['\\Sent'],
      delimiter: '/',
      mailbox: 'New',
      mailboxRaw: b('New'),
      oldName: 'Old',
      oldNameRaw: b('Old'),
      childInfo: ['SUBSCRIBED'],
      extended: [{ tag: 'X-FOO', value: ['1', b('a b'), ['c']] }],
    },
    '* LIST (\\HasNoChildren \\Sent) "/" New (OLDNAME (Old) CHILDINFO ("SUBSCRIBED") X-FOO (1 "a b" (c)))\r\n',
  ],
  [
    'LSUB, NIL delimiter, name needing a literal',
    { type: 'untagged', kind: 'lsub', flags: [], delimiter: null, mailbox: 'a\rb', mailboxRaw: b('a\rb') },
    '* LSUB () NIL {3}\r\na\rb\r\n',
  ],
  [
    'XLIST, escaped delimiter',
    {
      type: 'untagged',
      kind: 'xlist',
      flags: ['\\Inbox'],
      delimiter: '\\',
      mailbox: 'INBOX',
      mailboxRaw: b('Inbox'),
    },
    '* XLIST (\\Inbox) "\\\\" Inbox\r\n',
  ],
  [
    'NAMESPACE',
    {
      type: 'untagged',
      kind: 'namespace',
      personal: [{ prefix: '', prefixRaw: b(''), delimiter: '/' }],
      otherUsers: null,
      shared: [
        {
          prefix: 'Public/',
          prefixRaw: b('Public/'),
          delimiter: '/',
          extensions: [{ name: 'X-PARAM', values: ['a', 'b'] }],
        },
      ],
    },
    '* NAMESPACE (("" "/")) NIL (("Public/" "/" "X-PARAM" ("a" "b")))\r\n',
  ],
  [
    'ESEARCH',
    {
      type: 'untagged',
      kind: 'esearch',
      tag: 'A7',
      uid: true,
      min: 2,
      all: {
        text: '2,10:11',
        ranges: [
          { start: 2, end: 2 },
          { start: 10, end: 11 },
        ],
      },
      count: 3,
      modseq: 9n,
      partial: { start: -1, end: -100, results: null },
      unknown: [{ name: 'X-RELEVANCY', value: ['4', '99'] }],
    },
    '* ESEARCH (TAG "A7") UID MIN 2 ALL 2,10:11 COUNT 3 MODSEQ 9 PARTIAL (-1:-100 NIL) X-RELEVANCY (4 99)\r\n',
  ],
  ['SORT', { type: 'untagged', kind: 'sort', ids: [5, 3], modseq: 1n }, '* SORT 5 3 (MODSEQ 1)\r\n'],
  [
    'THREAD',
    {
      type: 'untagged',
      kind: 'thread',
      threads: [
        { ids: [2], children: [] },
        {
          ids: [3, 6],
          children: [
            { ids: [4, 23], children: [] },
            { ids: [44, 7, 96], children: [] },
          ],
        },
        {
          ids: [],
          children: [
            { ids: [3], children: [] },
            { ids: [5], children: [] },
          ],
        },
      ],
    },
    '* THREAD (2)(3 6 (4 23)(44 7 96))((3)(5))\r\n',
  ],
  [
    'VANISHED (EARLIER)',
    {
      type: 'untagged',
      kind: 'vanished',
      earlier: true,
      uids: {
        text: '41:59,300',
        ranges: [
          { start: 41, end: 59 },
          { start: 300, end: 300 },
        ],
      },
    },
    '* VANISHED (EARLIER) 41:59,300\r\n',
  ],
  [
    'ID',
    {
      type: 'untagged',
      kind: 'id',
      params: [
        { name: 'name', value: 'Dovecot' },
        { name: 'x', value: null },
      ],
    },
    '* ID ("name" "Dovecot" "x" NIL)\r\n',
  ],
  ['ID NIL', { type: 'untagged', kind: 'id', params: null }, '* ID NIL\r\n'],
  [
    'QUOTA',
    { type: 'untagged', kind: 'quota', root: '', resources: [{ name: 'STORAGE', usage: 10, limit: 512 }] },
    '* QUOTA "" (STORAGE 10 512)\r\n',
  ],
  [
    'QUOTAROOT',
    { type: 'untagged', kind: 'quotaroot', mailbox: 'INBOX', mailboxRaw: b('INBOX'), roots: ['', 'user'] },
    '* QUOTAROOT INBOX "" user\r\n',
  ],
  [
    'METADATA, values',
    {
      type: 'untagged',
      kind: 'metadata',
      mailbox: '',
      mailboxRaw: b(''),
      entries: [
        { entry: '/shared/comment', value: null },
        { entry: '/private/x', value: new Uint8Array([0x61, 0, 0x62]) },
      ],
    },
    '* METADATA "" (/shared/comment NIL /private/x ~{3}\r\na\x00b)\r\n',
  ],
  [
    'METADATA, entry list',
    {
      type: 'untagged',
      kind: 'metadata',
      mailbox: 'INBOX',
      mailboxRaw: b('INBOX'),
      entries: [{ entry: '/shared/a' }, { entry: '/private/b' }],
    },
    '* METADATA INBOX /shared/a /private/b\r\n',
  ],
  [
    'ACL',
    {
      type: 'untagged',
      kind: 'acl',
      mailbox: 'INBOX',
      mailboxRaw: b('INBOX'),
      entries: [{ identifier: 'alice', rights: 'lrswi' }],
    },
    '* ACL INBOX alice lrswi\r\n',
  ],
  [
    'LISTRIGHTS',
    {
      type: 'untagged',
      kind: 'listrights',
      mailbox: 'a',
      mailboxRaw: b('a'),
      identifier: 'bob',
      required: '',
      optional: ['l', 'rs'],
    },
    '* LISTRIGHTS a bob "" l rs\r\n',
  ],
  [
    'MYRIGHTS',
    { type: 'untagged', kind: 'myrights', mailbox: 'INBOX', mailboxRaw: b('INBOX'), rights: 'rwiptsldaex' },
    '* MYRIGHTS INBOX rwiptsldaex\r\n',
  ],
  ['LANGUAGE', { type: 'untagged', kind: 'language', languages: ['en', 'de'] }, '* LANGUAGE (en de)\r\n'],
  [
    'COMPARATOR',
    { type: 'untagged', kind: 'comparator', comparator: 'i;unicode-casemap', matching: ['i;octet'] },
    '* COMPARATOR i;unicode-casemap (i;octet)\r\n',
  ],
  [
    'unknown, with a literal',
    { type: 'untagged', kind: 'unknown', name: 'XFOO', raw: b('bar {3}\r\nabc baz') },
    '* XFOO bar {3}\r\nabc baz\r\n',
  ],
  [
    'unknown, numbered, empty',
    { type: 'untagged', kind: 'unknown', name: 'XBAR', number: 5, raw: b('') },
    '* 5 XBAR\r\n',
  ],
];

/** [code, its bytes inside "[…]"] */
const CODES: [Response, string][] = (
  [
    [{ name: 'BADCHARSET', charsets: [] }, 'BADCHARSET'],
    [{ name: 'BADCHARSET', charsets: ['UTF-8', 'a b', ']'] }, 'BADCHARSET (UTF-8 "a b" "]")'],
    [{ name: 'PERMANENTFLAGS', flags: ['\\Seen', '\\*'] }, 'PERMANENTFLAGS (\\Seen \\*)'],
    [{ name: 'UIDVALIDITY', value: 3857529045 }, 'UIDVALIDITY 3857529045'],
    [{ name: 'HIGHESTMODSEQ', value: 9223372036854775807n }, 'HIGHESTMODSEQ 9223372036854775807'],
    [{ name: 'MODIFIED', set: { text: '7,9:*', ranges: [] } }, 'MODIFIED 7,9:*'],
    [
      { name: 'APPENDUID', uidValidity: 38505, uids: { text: '3955', ranges: [{ start: 3955, end: 3955 }] } },
      'APPENDUID 38505 3955',
    ],
    [
      {
        name: 'COPYUID',
        uidValidity: 1,
        source: { text: '1:2', ranges: [] },
        destination: { text: '5:6', ranges: [] },
      },
      'COPYUID 1 1:2 5:6',
    ],
    [{ name: 'BADEVENT', events: ['MessageNew', 'FlagChange'] }, 'BADEVENT (MessageNew FlagChange)'],
    [{ name: 'METADATA', item: 'MAXSIZE', value: 1024 }, 'METADATA MAXSIZE 1024'],
    [{ name: 'METADATA', item: 'TOOMANY' }, 'METADATA TOOMANY'],
    [{ name: 'REFERRAL', urls: ['imap://[2001:db8::1]/INBOX'] }, 'REFERRAL imap://[2001:db8::1]/INBOX'],
    [{ name: 'MAILBOXID', id: 'F22' }, 'MAILBOXID (F22)'],
    [{ name: 'TOOBIG' }, 'TOOBIG'],
    [{ name: 'X-FOO', unknown: true, raw: 'a [b "c' }, 'X-FOO a [b "c'],
    [{ name: 'X-BAR', unknown: true }, 'X-BAR'],
  ] as const
).map(([code, text]) => [
  { type: 'tagged', tag: 'A1', status: 'NO', code, text: 't' } as unknown as Response,
  `A1 NO [${text}] t\r\n`,
]);

describe('encodeResponse: known answers', () => {
  test.each(CASES)('%s', (_what, r, wire) => {
    expect(latin1(encodeResponse(r))).toBe(wire);
  });
  test.each(CODES)('code %#', (r, wire) => {
    expect(latin1(encodeResponse(r))).toBe(wire);
  });
  // Not in the decoder's form: a name given only as text (the decoder adds its bytes), a
  // continuation given only as base64 bytes (the decoder adds its text).
  const canonical = CASES.filter(
    ([what]) => !what.includes('given as text') && what !== 'continuation, base64',
  );
  test.each(canonical)('%s decodes back', (_what, r) => {
    expect(parseResponse(encodeResponse(r), { strict: true })).toEqual(r);
  });
});

describe('encodeResponse: forms and options', () => {
  test('a literal is a fragment of its own, announced {n}; literal8 ~{n}', () => {
    const f = encodeResponseFragments({
      type: 'untagged',
      kind: 'metadata',
      mailbox: 'a',
      mailboxRaw: b('a'),
      entries: [
        { entry: '/x', value: b('a\nb') },
        { entry: '/y', value: new Uint8Array([0]) },
      ],
    });
    expect(f.map((x) => [x.type, x.type === 'literal' ? x.mode : '', latin1(x.bytes)])).toEqual([
      ['line', '', '* METADATA a (/x {3}\r\n'],
      ['literal', 'sync', 'a\nb'],
      ['line', '', ' /y ~{1}\r\n'],
      ['literal', 'binary', '\x00'],
      ['line', '', ')\r\n'],
    ]);
  });

  test('utf8: 8-bit strings quoted, names given as text in UTF-8', () => {
    const r: Response = {
      type: 'untagged',
      kind: 'fetch',
      seq: 1,
      attributes: { gmailLabels: ['台北', '&'], rfc822Text: b('é') },
    };
    expect(latin1(encodeResponse(r))).toBe(
      '* 1 FETCH (RFC822.TEXT {2}\r\n\xc3\xa9 X-GM-LABELS (&U,BTFw- &-))\r\n',
    );
    expect(latin1(encodeResponse(r, { utf8: true }))).toBe(
      '* 1 FETCH (RFC822.TEXT "\xc3\xa9" X-GM-LABELS ("\xe5\x8f\xb0\xe5\x8c\x97" &-))\r\n',
    );
    const e = new ResponseEncoder();
    expect(e.utf8).toBe(false);
    e.enable(['CONDSTORE', 'utf8=accept']);
    expect(e.utf8).toBe(true);
    expect(latin1(e.encode(r))).toBe(latin1(encodeResponse(r, { utf8: true })));
    expect(e.fragments(r)).toHaveLength(1);
  });

  test('INTERNALDATE from a Date when no raw text is given', () => {
    const r: Response = {
      type: 'untagged',
      kind: 'fetch',
      seq: 1,
      attributes: { internalDate: new Date(Date.UTC(2024, 0, 5, 9, 0, 0)) },
    };
    expect(latin1(encodeResponse(r))).toBe('* 1 FETCH (INTERNALDATE " 5-Jan-2024 09:00:00 +0000")\r\n');
  });

  test('an envelope date from a Date when no raw text is given', () => {
    const { dateRaw: _, ...rest } = env;
    const r = {
      type: 'untagged',
      kind: 'fetch',
      seq: 1,
      attributes: { envelope: rest },
    } as unknown as Response;
    expect(latin1(encodeResponse(r))).toContain('ENVELOPE ("Tue, 08 Feb 1994 05:52:25 +0000" ');
  });

  test('BODY leaves the extension data out; later extension fields make earlier ones NIL', () => {
    const part: BodyStructure = {
      type: 'image',
      subtype: 'png',
      section: '1',
      params: [],
      id: null,
      description: null,
      encoding: 'base64',
      size: 10,
      location: 'x',
    };
    const r = (body: 'body' | 'bodyStructure'): Response => ({
      type: 'untagged',
      kind: 'fetch',
      seq: 1,
      attributes: { [body]: part },
    });
    expect(latin1(encodeResponse(r('body')))).toBe(
      '* 1 FETCH (BODY ("image" "png" NIL NIL NIL "base64" 10))\r\n',
    );
    expect(latin1(encodeResponse(r('bodyStructure')))).toBe(
      '* 1 FETCH (BODYSTRUCTURE ("image" "png" NIL NIL NIL "base64" 10 NIL NIL NIL "x"))\r\n',
    );
  });

  test('an RFC 2231 parameter with a charset goes as name* with a percent-encoded value', () => {
    const r: Response = {
      type: 'untagged',
      kind: 'fetch',
      seq: 1,
      attributes: {
        body: {
          type: 'application',
          subtype: 'pdf',
          section: '1',
          params: [{ name: 'name', value: 'é.pdf', charset: 'utf-8', language: 'fr' }],
          id: null,
          description: null,
          encoding: 'base64',
          size: 1,
        },
      },
    };
    const wire = encodeResponse(r);
    expect(latin1(wire)).toContain(`("name*" "utf-8'fr'%C3%A9.pdf")`);
    expect(parseResponse(wire, { strict: true })).toEqual(r);
  });
});
