/**
 * RFC 3501 (IMAP4rev1) known answers: every server response in the examples of §6 (client
 * commands), §7 (server responses) and the §8 sample connection that the core parser covers,
 * plus data items of §7.4.2 written from the §9 ABNF where the RFC shows no literal example.
 *
 * Expected values are written by hand from the RFC; each input is also decoded one byte per
 * push and split at every position (helpers.ts). Lines the RFC breaks "for editorial clarity"
 * are joined with one SP. ENVELOPE and BODY/BODYSTRUCTURE are checked against the typed model
 * (src/model/envelope.ts, src/model/body.ts): type, subtype, encoding and parameter names in
 * lower case, section numbers as §6.4.5 assigns them.
 */
import { describe, expect, test } from 'vitest';
import type { DecodeItem, FetchResponse, Response } from '../../src/index.ts';
import type { BodyStructure, SinglePartBody } from '../../src/model/body.ts';
import type { Address, Envelope } from '../../src/model/envelope.ts';
import {
  bytes,
  concat,
  expectRefused,
  expectResponse,
  expectStream,
  hex,
  mailboxList,
  status,
  tagged,
  untagged,
} from './helpers.ts';

const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft'];

function fetch(seq: number, attributes: FetchResponse['attributes']): FetchResponse {
  return { type: 'untagged', kind: 'fetch', seq, attributes };
}

/** `("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" size lines)` at `section`. */
function textPlain(section: string, size: number, lines: number): SinglePartBody {
  return {
    type: 'text',
    subtype: 'plain',
    section,
    params: [{ name: 'charset', value: 'US-ASCII' }],
    id: null,
    description: null,
    encoding: '7bit',
    size,
    lines,
  };
}

/** The §8 sample's ENVELOPE and BODY (the RFC's editorial line breaks joined with one SP). */
const SAMPLE_ENVELOPE_WIRE =
  '("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev1 WG mtg summary and minutes" ' +
  '(("Terry Gray" NIL "gray" "cac.washington.edu")) (("Terry Gray" NIL "gray" "cac.washington.edu")) ' +
  '(("Terry Gray" NIL "gray" "cac.washington.edu")) ((NIL NIL "imap" "cac.washington.edu")) ' +
  '((NIL NIL "minutes" "CNRI.Reston.VA.US") ("John Klensin" NIL "KLENSIN" "MIT.EDU")) NIL NIL ' +
  '"<B27397-0100000@cac.washington.edu>")';
const SAMPLE_BODY_WIRE = '("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92)';

const TERRY: Address = { name: 'Terry Gray', adl: null, mailbox: 'gray', host: 'cac.washington.edu' };
/** envelope: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id (§7.4.2). */
const SAMPLE_ENVELOPE: Envelope = {
  // "Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" is 09:23:25 UTC.
  date: new Date(Date.UTC(1996, 6, 17, 9, 23, 25)),
  dateRaw: 'Wed, 17 Jul 1996 02:23:25 -0700 (PDT)',
  subject: 'IMAP4rev1 WG mtg summary and minutes',
  from: [TERRY],
  sender: [TERRY],
  replyTo: [TERRY],
  to: [{ name: null, adl: null, mailbox: 'imap', host: 'cac.washington.edu' }],
  cc: [
    { name: null, adl: null, mailbox: 'minutes', host: 'CNRI.Reston.VA.US' },
    { name: 'John Klensin', adl: null, mailbox: 'KLENSIN', host: 'MIT.EDU' },
  ],
  bcc: null,
  inReplyTo: null,
  messageId: '<B27397-0100000@cac.washington.edu>',
};

/** `(NIL "x" NIL NIL NIL NIL NIL NIL NIL NIL)` */
const MINIMAL_ENVELOPE: Envelope = {
  date: null,
  dateRaw: null,
  subject: 'x',
  from: null,
  sender: null,
  replyTo: null,
  to: null,
  cc: null,
  bcc: null,
  inReplyTo: null,
  messageId: null,
};

function unknown(name: string, raw: string): Response {
  return { type: 'untagged', kind: 'unknown', name, raw: bytes(raw) };
}

describe('RFC 3501 §6.1 client commands, any state', () => {
  test('§6.1.1 CAPABILITY', () => {
    expectStream(
      '* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n' +
        'abcd OK CAPABILITY completed\r\n' +
        'efgh OK STARTLS completed\r\n' +
        '* CAPABILITY IMAP4rev1 AUTH=GSSAPI AUTH=PLAIN\r\n' +
        'ijkl OK CAPABILITY completed\r\n',
      [
        {
          type: 'untagged',
          kind: 'capability',
          capabilities: ['IMAP4rev1', 'STARTTLS', 'AUTH=GSSAPI', 'LOGINDISABLED'],
        },
        tagged('abcd', 'OK', 'CAPABILITY completed'),
        tagged('efgh', 'OK', 'STARTLS completed'),
        { type: 'untagged', kind: 'capability', capabilities: ['IMAP4rev1', 'AUTH=GSSAPI', 'AUTH=PLAIN'] },
        tagged('ijkl', 'OK', 'CAPABILITY completed'),
      ],
    );
  });

  test('§6.1.2 NOOP', () => {
    expectStream(
      'a002 OK NOOP completed\r\n' +
        '* 22 EXPUNGE\r\n' +
        '* 23 EXISTS\r\n' +
        '* 3 RECENT\r\n' +
        '* 14 FETCH (FLAGS (\\Seen \\Deleted))\r\n' +
        'a047 OK NOOP completed\r\n',
      [
        tagged('a002', 'OK', 'NOOP completed'),
        { type: 'untagged', kind: 'expunge', seq: 22 },
        { type: 'untagged', kind: 'exists', count: 23 },
        { type: 'untagged', kind: 'recent', count: 3 },
        fetch(14, { flags: ['\\Seen', '\\Deleted'] }),
        tagged('a047', 'OK', 'NOOP completed'),
      ],
    );
  });

  test('§6.1.3 LOGOUT', () => {
    expectStream('* BYE IMAP4rev1 Server logging out\r\nA023 OK LOGOUT completed\r\n', [
      untagged('bye', 'IMAP4rev1 Server logging out'),
      tagged('A023', 'OK', 'LOGOUT completed'),
    ]);
  });
});

describe('RFC 3501 §6.2 client commands, not authenticated state', () => {
  test('§6.2.1 STARTTLS', () => {
    expectStream(
      '* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n' +
        'a001 OK CAPABILITY completed\r\n' +
        'a002 OK Begin TLS negotiation now\r\n' +
        '* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n' +
        'a003 OK CAPABILITY completed\r\n' +
        'a004 OK LOGIN completed\r\n',
      [
        { type: 'untagged', kind: 'capability', capabilities: ['IMAP4rev1', 'STARTTLS', 'LOGINDISABLED'] },
        tagged('a001', 'OK', 'CAPABILITY completed'),
        tagged('a002', 'OK', 'Begin TLS negotiation now'),
        { type: 'untagged', kind: 'capability', capabilities: ['IMAP4rev1', 'AUTH=PLAIN'] },
        tagged('a003', 'OK', 'CAPABILITY completed'),
        tagged('a004', 'OK', 'LOGIN completed'),
      ],
    );
  });

  // The challenges, with the RFC's editorial line breaks removed. The bytes were decoded from
  // the RFC's base64 by an independent decoder (Python's base64 module), not by this parser.
  const CHALLENGE_1 =
    'YGgGCSqGSIb3EgECAgIAb1kwV6ADAgEFoQMCAQ+iSzBJoAMCAQGiQgRAtHTEuOP2BXb9sBYFR4SJlDZxmg39IxmRBOhXRKdDA0uHTCOT9Bq3OsUTXUlk0CsFLoa8j+gvGDlgHuqzWHPSQg==';
  const CHALLENGE_1_BYTES = hex(
    '60 68 06 09 2a 86 48 86 f7 12 01 02 02 02 00 6f 59 30 57 a0 03 02 01 05 a1 03 02 01 0f a2' +
      '4b 30 49 a0 03 02 01 01 a2 42 04 40 b4 74 c4 b8 e3 f6 05 76 fd b0 16 05 47 84 89 94 36 71' +
      '9a 0d fd 23 19 91 04 e8 57 44 a7 43 03 4b 87 4c 23 93 f4 1a b7 3a c5 13 5d 49 64 d0 2b 05' +
      '2e 86 bc 8f e8 2f 18 39 60 1e ea b3 58 73 d2 42',
  );
  const CHALLENGE_2 = 'YDMGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=';
  const CHALLENGE_2_BYTES = hex(
    '60 33 06 09 2a 86 48 86 f7 12 01 02 02 02 01 00 00 ff ff ff ff ea 37 32 1b 81 84 dc a9 13' +
      'cc 17 81 89 51 de 71 e3 f6 09 66 34 49 1d 1f 01 00 20 00 04 04 04 04',
  );

  test('§6.2.2 AUTHENTICATE GSSAPI: the server challenges as base64 bytes', () => {
    expect(CHALLENGE_1_BYTES.length).toBe(106);
    expect(CHALLENGE_2_BYTES.length).toBe(53);
    expectStream(
      '* OK IMAP4rev1 Server\r\n' +
        // `S: +` in the RFC; the grammar needs `"+" SP`, and an empty base64 is valid base64.
        '+ \r\n' +
        `+ ${CHALLENGE_1}\r\n` +
        `+ ${CHALLENGE_2}\r\n` +
        'A001 OK GSSAPI authentication successful\r\n',
      [
        untagged('ok', 'IMAP4rev1 Server'),
        { type: 'continuation', text: '', base64: new Uint8Array(0) },
        { type: 'continuation', text: CHALLENGE_1, base64: CHALLENGE_1_BYTES },
        { type: 'continuation', text: CHALLENGE_2, base64: CHALLENGE_2_BYTES },
        tagged('A001', 'OK', 'GSSAPI authentication successful'),
      ],
    );
  });

  test('§6.2.2 the first challenge alone, as one response', () => {
    expectResponse(`+ ${CHALLENGE_1}\r\n`, {
      type: 'continuation',
      text: CHALLENGE_1,
      base64: CHALLENGE_1_BYTES,
    });
  });

  test('a variant of the §6.2.2 challenge (same first 78 bytes, other tail) also gives its bytes', () => {
    // Not the RFC text: the brief quoted this string for §6.2.2; it is valid base64 too.
    const variant =
      'YGgGCSqGSIb3EgECAgIAb1kwV6ADAgEFoQMCAQ+iSzBJoAMCAQGiQgRAtHTEuOP2BXb9sBYFR4SJlDZxmg39IxmRBOhXRKdDA0uHTCEUuQgy4ncySnVDdP5ZM3xI4T8yU9Zf3+IG0dmW2w==';
    expectResponse(`+ ${variant}\r\n`, {
      type: 'continuation',
      text: variant,
      base64: hex(
        '60 68 06 09 2a 86 48 86 f7 12 01 02 02 02 00 6f 59 30 57 a0 03 02 01 05 a1 03 02 01 0f a2' +
          '4b 30 49 a0 03 02 01 01 a2 42 04 40 b4 74 c4 b8 e3 f6 05 76 fd b0 16 05 47 84 89 94 36 71' +
          '9a 0d fd 23 19 91 04 e8 57 44 a7 43 03 4b 87 4c 21 14 b9 08 32 e2 77 32 4a 75 43 74 fe 59' +
          '33 7c 48 e1 3f 32 53 d6 5f df e2 06 d1 d9 96 db',
      ),
    });
  });

  test('§6.2.3 LOGIN', () => {
    expectResponse('a001 OK LOGIN completed\r\n', tagged('a001', 'OK', 'LOGIN completed'));
  });
});

describe('RFC 3501 §6.3 client commands, authenticated state', () => {
  test('§6.3.1 SELECT', () => {
    expectStream(
      '* 172 EXISTS\r\n' +
        '* 1 RECENT\r\n' +
        '* OK [UNSEEN 12] Message 12 is first unseen\r\n' +
        '* OK [UIDVALIDITY 3857529045] UIDs valid\r\n' +
        '* OK [UIDNEXT 4392] Predicted next UID\r\n' +
        '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n' +
        '* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n' +
        'A142 OK [READ-WRITE] SELECT completed\r\n',
      [
        { type: 'untagged', kind: 'exists', count: 172 },
        { type: 'untagged', kind: 'recent', count: 1 },
        untagged('ok', 'Message 12 is first unseen', { name: 'UNSEEN', value: 12 }),
        untagged('ok', 'UIDs valid', { name: 'UIDVALIDITY', value: 3857529045 }),
        untagged('ok', 'Predicted next UID', { name: 'UIDNEXT', value: 4392 }),
        { type: 'untagged', kind: 'flags', flags: SYSTEM_FLAGS },
        untagged('ok', 'Limited', { name: 'PERMANENTFLAGS', flags: ['\\Deleted', '\\Seen', '\\*'] }),
        tagged('A142', 'OK', 'SELECT completed', { name: 'READ-WRITE' }),
      ],
    );
  });

  test('§6.3.2 EXAMINE', () => {
    expectStream(
      '* 17 EXISTS\r\n' +
        '* 2 RECENT\r\n' +
        '* OK [UNSEEN 8] Message 8 is first unseen\r\n' +
        '* OK [UIDVALIDITY 3857529045] UIDs valid\r\n' +
        '* OK [UIDNEXT 4392] Predicted next UID\r\n' +
        '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n' +
        '* OK [PERMANENTFLAGS ()] No permanent flags permitted\r\n' +
        'A932 OK [READ-ONLY] EXAMINE completed\r\n',
      [
        { type: 'untagged', kind: 'exists', count: 17 },
        { type: 'untagged', kind: 'recent', count: 2 },
        untagged('ok', 'Message 8 is first unseen', { name: 'UNSEEN', value: 8 }),
        untagged('ok', 'UIDs valid', { name: 'UIDVALIDITY', value: 3857529045 }),
        untagged('ok', 'Predicted next UID', { name: 'UIDNEXT', value: 4392 }),
        { type: 'untagged', kind: 'flags', flags: SYSTEM_FLAGS },
        untagged('ok', 'No permanent flags permitted', { name: 'PERMANENTFLAGS', flags: [] }),
        tagged('A932', 'OK', 'EXAMINE completed', { name: 'READ-ONLY' }),
      ],
    );
  });

  test('§6.3.3 CREATE', () => {
    expectStream('A003 OK CREATE completed\r\nA004 OK CREATE completed\r\n', [
      tagged('A003', 'OK', 'CREATE completed'),
      tagged('A004', 'OK', 'CREATE completed'),
    ]);
  });

  test('§6.3.4 DELETE', () => {
    expectStream(
      '* LIST () "/" blurdybloop\r\n' +
        '* LIST (\\Noselect) "/" foo\r\n' +
        '* LIST () "/" foo/bar\r\n' +
        'A682 OK LIST completed\r\n' +
        'A683 OK DELETE completed\r\n' +
        'A684 NO Name "foo" has inferior hierarchical names\r\n' +
        'A685 OK DELETE Completed\r\n' +
        '* LIST (\\Noselect) "/" foo\r\n' +
        'A686 OK LIST completed\r\n' +
        'A687 OK DELETE Completed\r\n',
      [
        mailboxList('list', [], '/', 'blurdybloop'),
        mailboxList('list', ['\\Noselect'], '/', 'foo'),
        mailboxList('list', [], '/', 'foo/bar'),
        tagged('A682', 'OK', 'LIST completed'),
        tagged('A683', 'OK', 'DELETE completed'),
        tagged('A684', 'NO', 'Name "foo" has inferior hierarchical names'),
        tagged('A685', 'OK', 'DELETE Completed'),
        mailboxList('list', ['\\Noselect'], '/', 'foo'),
        tagged('A686', 'OK', 'LIST completed'),
        tagged('A687', 'OK', 'DELETE Completed'),
      ],
    );
  });

  test('§6.3.5 RENAME', () => {
    expectStream(
      '* LIST () "." INBOX\r\n' +
        '* LIST () "." INBOX.bar\r\n' +
        'Z432 OK LIST completed\r\n' +
        'Z433 OK RENAME completed\r\n',
      [
        mailboxList('list', [], '.', 'INBOX'),
        mailboxList('list', [], '.', 'INBOX.bar'),
        tagged('Z432', 'OK', 'LIST completed'),
        tagged('Z433', 'OK', 'RENAME completed'),
      ],
    );
  });

  test('§6.3.6 SUBSCRIBE and §6.3.7 UNSUBSCRIBE', () => {
    expectStream('A002 OK SUBSCRIBE completed\r\nA002 OK UNSUBSCRIBE completed\r\n', [
      tagged('A002', 'OK', 'SUBSCRIBE completed'),
      tagged('A002', 'OK', 'UNSUBSCRIBE completed'),
    ]);
  });

  test('§6.3.8 LIST (a quoted empty name included)', () => {
    expectStream(
      '* LIST (\\Noselect) "/" ""\r\nA101 OK LIST Completed\r\n* LIST (\\Noselect) "." #news.\r\n',
      [
        mailboxList('list', ['\\Noselect'], '/', ''),
        tagged('A101', 'OK', 'LIST Completed'),
        mailboxList('list', ['\\Noselect'], '.', '#news.'),
      ],
    );
  });

  test('§6.3.9 LSUB', () => {
    expectStream('* LSUB () "." #news.comp.mail.mime\r\nA002 OK LSUB completed\r\n', [
      mailboxList('lsub', [], '.', '#news.comp.mail.mime'),
      tagged('A002', 'OK', 'LSUB completed'),
    ]);
  });

  test('§6.3.10 STATUS', () => {
    expectStream('* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\nA042 OK STATUS completed\r\n', [
      status('blurdybloop', { messages: 231, uidNext: 44292 }),
      tagged('A042', 'OK', 'STATUS completed'),
    ]);
  });

  test('§6.3.11 APPEND', () => {
    expectStream('+ Ready for literal data\r\nA003 OK APPEND completed\r\n', [
      { type: 'continuation', text: 'Ready for literal data' },
      tagged('A003', 'OK', 'APPEND completed'),
    ]);
  });
});

describe('RFC 3501 §6.4 client commands, selected state', () => {
  test('§6.4.1 CHECK and §6.4.2 CLOSE', () => {
    expectStream('FXXZ OK CHECK Completed\r\nA341 OK CLOSE completed\r\n', [
      tagged('FXXZ', 'OK', 'CHECK Completed'),
      tagged('A341', 'OK', 'CLOSE completed'),
    ]);
  });

  test('§6.4.3 EXPUNGE', () => {
    expectStream(
      '* 3 EXPUNGE\r\n* 3 EXPUNGE\r\n* 5 EXPUNGE\r\n* 8 EXPUNGE\r\nA202 OK EXPUNGE completed\r\n',
      [
        { type: 'untagged', kind: 'expunge', seq: 3 },
        { type: 'untagged', kind: 'expunge', seq: 3 },
        { type: 'untagged', kind: 'expunge', seq: 5 },
        { type: 'untagged', kind: 'expunge', seq: 8 },
        tagged('A202', 'OK', 'EXPUNGE completed'),
      ],
    );
  });

  test('§6.4.4 SEARCH', () => {
    expectStream(
      '* SEARCH 2 84 882\r\n' +
        'A282 OK SEARCH completed\r\n' +
        '* SEARCH\r\n' +
        'A283 OK SEARCH completed\r\n' +
        '* SEARCH 43\r\n' +
        'A284 OK SEARCH completed\r\n',
      [
        { type: 'untagged', kind: 'search', ids: [2, 84, 882] },
        tagged('A282', 'OK', 'SEARCH completed'),
        { type: 'untagged', kind: 'search', ids: [] },
        tagged('A283', 'OK', 'SEARCH completed'),
        { type: 'untagged', kind: 'search', ids: [43] },
        tagged('A284', 'OK', 'SEARCH completed'),
      ],
    );
  });

  test('§6.4.5 FETCH 2:4 (FLAGS BODY[HEADER.FIELDS (DATE FROM)]): the answer the RFC elides', () => {
    // The RFC writes `* 2 FETCH ....`; this is the shape of the answer by §7.4.2 and the ABNF.
    const h2 =
      'Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\nFrom: Terry Gray <gray@cac.washington.edu>\r\n\r\n';
    expectStream(
      `* 2 FETCH (FLAGS (\\Seen) BODY[HEADER.FIELDS (DATE FROM)] {${h2.length}}\r\n${h2})\r\n` +
        '* 3 FETCH (FLAGS () BODY[HEADER.FIELDS (DATE FROM)] "")\r\n' +
        'A654 OK FETCH completed\r\n',
      [
        fetch(2, {
          flags: ['\\Seen'],
          sections: [
            {
              kind: 'body',
              section: 'HEADER.FIELDS (DATE FROM)',
              part: [],
              text: 'HEADER.FIELDS',
              fields: ['DATE', 'FROM'],
              value: bytes(h2),
            },
          ],
        }),
        fetch(3, {
          flags: [],
          sections: [
            {
              kind: 'body',
              section: 'HEADER.FIELDS (DATE FROM)',
              part: [],
              text: 'HEADER.FIELDS',
              fields: ['DATE', 'FROM'],
              value: new Uint8Array(0),
            },
          ],
        }),
        tagged('A654', 'OK', 'FETCH completed'),
      ],
    );
  });

  test('§6.4.6 STORE', () => {
    expectStream(
      '* 2 FETCH (FLAGS (\\Deleted \\Seen))\r\n' +
        '* 3 FETCH (FLAGS (\\Deleted))\r\n' +
        '* 4 FETCH (FLAGS (\\Deleted \\Flagged \\Seen))\r\n' +
        'A003 OK STORE completed\r\n',
      [
        fetch(2, { flags: ['\\Deleted', '\\Seen'] }),
        fetch(3, { flags: ['\\Deleted'] }),
        fetch(4, { flags: ['\\Deleted', '\\Flagged', '\\Seen'] }),
        tagged('A003', 'OK', 'STORE completed'),
      ],
    );
  });

  test('§6.4.7 COPY', () => {
    expectResponse('A003 OK COPY completed\r\n', tagged('A003', 'OK', 'COPY completed'));
  });

  test('§6.4.8 UID FETCH', () => {
    expectStream(
      '* 23 FETCH (FLAGS (\\Seen) UID 4827313)\r\n' +
        '* 24 FETCH (FLAGS (\\Seen) UID 4827943)\r\n' +
        '* 25 FETCH (FLAGS (\\Seen) UID 4828442)\r\n' +
        'A999 OK UID FETCH completed\r\n',
      [
        fetch(23, { flags: ['\\Seen'], uid: 4827313 }),
        fetch(24, { flags: ['\\Seen'], uid: 4827943 }),
        fetch(25, { flags: ['\\Seen'], uid: 4828442 }),
        tagged('A999', 'OK', 'UID FETCH completed'),
      ],
    );
  });

  test('§6.5.1 X<atom>: an experimental response is kept whole', () => {
    expectStream(
      '* CAPABILITY IMAP4rev1 XPIG-LATIN\r\n' +
        'a441 OK CAPABILITY completed\r\n' +
        '* XPIG-LATIN ow-nay eaking-spay ig-pay atin-lay\r\n' +
        'A442 OK XPIG-LATIN ompleted-cay\r\n',
      [
        { type: 'untagged', kind: 'capability', capabilities: ['IMAP4rev1', 'XPIG-LATIN'] },
        tagged('a441', 'OK', 'CAPABILITY completed'),
        unknown('XPIG-LATIN', 'ow-nay eaking-spay ig-pay atin-lay'),
        tagged('A442', 'OK', 'XPIG-LATIN ompleted-cay'),
      ],
    );
  });
});

describe('RFC 3501 §7.1 status responses', () => {
  test('§7.1.1 OK: greeting, untagged [ALERT], tagged OK', () => {
    expectStream(
      '* OK IMAP4rev1 server ready\r\n' +
        '* OK [ALERT] System shutdown in 10 minutes\r\n' +
        'A001 OK LOGIN Completed\r\n',
      [
        untagged('ok', 'IMAP4rev1 server ready'),
        untagged('ok', 'System shutdown in 10 minutes', { name: 'ALERT' }),
        tagged('A001', 'OK', 'LOGIN Completed'),
      ],
    );
  });

  test('§7.1.2 NO: untagged warnings and a tagged NO', () => {
    expectStream(
      '* NO Disk is 98% full, please delete unnecessary data\r\n' +
        'A222 OK COPY completed\r\n' +
        '* NO Disk is 98% full, please delete unnecessary data\r\n' +
        '* NO Disk is 99% full, please delete unnecessary data\r\n' +
        'A223 NO COPY failed: disk is full\r\n',
      [
        untagged('no', 'Disk is 98% full, please delete unnecessary data'),
        tagged('A222', 'OK', 'COPY completed'),
        untagged('no', 'Disk is 98% full, please delete unnecessary data'),
        untagged('no', 'Disk is 99% full, please delete unnecessary data'),
        tagged('A223', 'NO', 'COPY failed: disk is full'),
      ],
    );
  });

  test('§7.1.3 BAD', () => {
    expectStream(
      '* BAD Command line too long\r\n' +
        '* BAD Empty command line\r\n' +
        '* BAD Disk crash, attempting salvage to a new disk!\r\n' +
        '* OK Salvage successful, no data lost\r\n' +
        'A443 OK Expunge completed\r\n',
      [
        untagged('bad', 'Command line too long'),
        untagged('bad', 'Empty command line'),
        untagged('bad', 'Disk crash, attempting salvage to a new disk!'),
        untagged('ok', 'Salvage successful, no data lost'),
        tagged('A443', 'OK', 'Expunge completed'),
      ],
    );
  });

  test('§7.1.4 PREAUTH', () => {
    expectResponse(
      '* PREAUTH IMAP4rev1 server logged in as Smith\r\n',
      untagged('preauth', 'IMAP4rev1 server logged in as Smith'),
    );
  });

  test('§7.1.5 BYE', () => {
    expectResponse(
      '* BYE Autologout; idle for too long\r\n',
      untagged('bye', 'Autologout; idle for too long'),
    );
  });

  test('§8 greeting: * OK IMAP4rev1 Service Ready', () => {
    expectResponse('* OK IMAP4rev1 Service Ready\r\n', untagged('ok', 'IMAP4rev1 Service Ready'));
  });

  test('a tagged BAD (§7.5 example)', () => {
    expectResponse(
      'A044 BAD No such command as "BLURDYBLOOP"\r\n',
      tagged('A044', 'BAD', 'No such command as "BLURDYBLOOP"'),
    );
  });
});

describe('RFC 3501 §7.1 response codes, each one', () => {
  // Codes without an example of their own in the RFC are written from the §9 ABNF:
  // resp-text-code = "ALERT" / "BADCHARSET" [SP "(" astring *(SP astring) ")"] /
  //   capability-data / "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" /
  //   "READ-ONLY" / "READ-WRITE" / "TRYCREATE" / "UIDNEXT" SP nz-number /
  //   "UIDVALIDITY" SP nz-number / "UNSEEN" SP nz-number / atom [SP 1*<any TEXT-CHAR except "]">]
  const cases: [string, string, Response][] = [
    [
      'ALERT',
      '* OK [ALERT] System shutdown in 10 minutes\r\n',
      untagged('ok', 'System shutdown in 10 minutes', { name: 'ALERT' }),
    ],
    [
      'BADCHARSET with its list of charsets',
      'A283 NO [BADCHARSET (UTF-8 ISO-8859-1)] Charset not supported\r\n',
      tagged('A283', 'NO', 'Charset not supported', {
        name: 'BADCHARSET',
        charsets: ['UTF-8', 'ISO-8859-1'],
      }),
    ],
    [
      'BADCHARSET with a quoted charset (astring)',
      'A283 NO [BADCHARSET ("UTF-8" US-ASCII)] Charset not supported\r\n',
      tagged('A283', 'NO', 'Charset not supported', { name: 'BADCHARSET', charsets: ['UTF-8', 'US-ASCII'] }),
    ],
    [
      'BADCHARSET without a list',
      'A283 NO [BADCHARSET] Charset not supported\r\n',
      tagged('A283', 'NO', 'Charset not supported', { name: 'BADCHARSET', charsets: [] }),
    ],
    [
      'CAPABILITY in the greeting',
      '* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED] IMAP4rev1 Service Ready\r\n',
      untagged('ok', 'IMAP4rev1 Service Ready', {
        name: 'CAPABILITY',
        capabilities: ['IMAP4rev1', 'STARTTLS', 'AUTH=GSSAPI', 'LOGINDISABLED'],
      }),
    ],
    [
      'CAPABILITY in a PREAUTH greeting',
      '* PREAUTH [CAPABILITY IMAP4rev1 IDLE] IMAP4rev1 server logged in as Smith\r\n',
      untagged('preauth', 'IMAP4rev1 server logged in as Smith', {
        name: 'CAPABILITY',
        capabilities: ['IMAP4rev1', 'IDLE'],
      }),
    ],
    [
      'PARSE',
      '* NO [PARSE] Message 3 has a broken MIME header\r\n',
      untagged('no', 'Message 3 has a broken MIME header', { name: 'PARSE' }),
    ],
    [
      'PERMANENTFLAGS with \\* and a keyword',
      '* OK [PERMANENTFLAGS (\\Answered \\Deleted $Forwarded \\*)] Limited\r\n',
      untagged('ok', 'Limited', {
        name: 'PERMANENTFLAGS',
        flags: ['\\Answered', '\\Deleted', '$Forwarded', '\\*'],
      }),
    ],
    [
      'READ-ONLY',
      'A932 OK [READ-ONLY] EXAMINE completed\r\n',
      tagged('A932', 'OK', 'EXAMINE completed', { name: 'READ-ONLY' }),
    ],
    [
      'READ-WRITE',
      'A142 OK [READ-WRITE] SELECT completed\r\n',
      tagged('A142', 'OK', 'SELECT completed', { name: 'READ-WRITE' }),
    ],
    [
      'TRYCREATE',
      'A003 NO [TRYCREATE] No such mailbox\r\n',
      tagged('A003', 'NO', 'No such mailbox', { name: 'TRYCREATE' }),
    ],
    [
      'UIDNEXT',
      '* OK [UIDNEXT 4392] Predicted next UID\r\n',
      untagged('ok', 'Predicted next UID', { name: 'UIDNEXT', value: 4392 }),
    ],
    [
      'UIDVALIDITY (above 2^31)',
      '* OK [UIDVALIDITY 3857529045] UIDs valid\r\n',
      untagged('ok', 'UIDs valid', { name: 'UIDVALIDITY', value: 3857529045 }),
    ],
    [
      'UIDVALIDITY 4294967295 (the largest number)',
      '* OK [UIDVALIDITY 4294967295] UIDs valid\r\n',
      untagged('ok', 'UIDs valid', { name: 'UIDVALIDITY', value: 4294967295 }),
    ],
    [
      'UNSEEN',
      '* OK [UNSEEN 17] Message 17 is the first unseen message\r\n',
      untagged('ok', 'Message 17 is the first unseen message', { name: 'UNSEEN', value: 17 }),
    ],
    [
      'an unknown X code with arguments (atom SP 1*<TEXT-CHAR except "]">)',
      '* OK [XPIG-LATIN ow-nay eaking-spay] ello-hay\r\n',
      untagged('ok', 'ello-hay', { name: 'XPIG-LATIN', unknown: true, raw: 'ow-nay eaking-spay' }),
    ],
    [
      'an unknown X code without arguments',
      '* NO [XSNOOZED] Try later\r\n',
      untagged('no', 'Try later', { name: 'XSNOOZED', unknown: true }),
    ],
  ];
  for (const [name, input, expected] of cases) test(name, () => expectResponse(input, expected));
});

describe('RFC 3501 §7.2–§7.3 server, mailbox and size responses', () => {
  const cases: [string, string, Response][] = [
    [
      '§7.2.1 CAPABILITY',
      '* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI XPIG-LATIN\r\n',
      {
        type: 'untagged',
        kind: 'capability',
        capabilities: ['IMAP4rev1', 'STARTTLS', 'AUTH=GSSAPI', 'XPIG-LATIN'],
      },
    ],
    [
      '§7.2.2 LIST',
      '* LIST (\\Noselect) "/" ~/Mail/foo\r\n',
      mailboxList('list', ['\\Noselect'], '/', '~/Mail/foo'),
    ],
    [
      '§7.2.3 LSUB',
      '* LSUB () "." #news.comp.mail.misc\r\n',
      mailboxList('lsub', [], '.', '#news.comp.mail.misc'),
    ],
    [
      '§7.2.4 STATUS',
      '* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n',
      status('blurdybloop', { messages: 231, uidNext: 44292 }),
    ],
    ['§7.2.5 SEARCH', '* SEARCH 2 3 6\r\n', { type: 'untagged', kind: 'search', ids: [2, 3, 6] }],
    ['§7.2.5 SEARCH with no match', '* SEARCH\r\n', { type: 'untagged', kind: 'search', ids: [] }],
    [
      '§7.2.6 FLAGS',
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n',
      { type: 'untagged', kind: 'flags', flags: SYSTEM_FLAGS },
    ],
    ['§7.2.6 FLAGS, empty', '* FLAGS ()\r\n', { type: 'untagged', kind: 'flags', flags: [] }],
    ['§7.3.1 EXISTS', '* 23 EXISTS\r\n', { type: 'untagged', kind: 'exists', count: 23 }],
    [
      '§7.3.1 EXISTS 0 (number, not nz-number)',
      '* 0 EXISTS\r\n',
      { type: 'untagged', kind: 'exists', count: 0 },
    ],
    ['§7.3.2 RECENT', '* 5 RECENT\r\n', { type: 'untagged', kind: 'recent', count: 5 }],
    ['§7.4.1 EXPUNGE', '* 44 EXPUNGE\r\n', { type: 'untagged', kind: 'expunge', seq: 44 }],
  ];
  for (const [name, input, expected] of cases) test(name, () => expectResponse(input, expected));
});

describe('RFC 3501 §7.4.2 FETCH data items', () => {
  test('the §7.4.2 example: FLAGS and RFC822.SIZE', () => {
    expectResponse(
      '* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827)\r\n',
      fetch(23, { flags: ['\\Seen'], rfc822Size: 44827 }),
    );
  });

  test('INTERNALDATE "17-Jul-1996 02:44:25 -0700" is the instant 1996-07-17T09:44:25Z', () => {
    const expected = fetch(12, {
      internalDate: new Date(Date.UTC(1996, 6, 17, 9, 44, 25)),
      internalDateRaw: '17-Jul-1996 02:44:25 -0700',
    });
    expect((expected.attributes.internalDate as Date).toISOString()).toBe('1996-07-17T09:44:25.000Z');
    expectResponse('* 12 FETCH (INTERNALDATE "17-Jul-1996 02:44:25 -0700")\r\n', expected);
  });

  test('INTERNALDATE with date-day-fixed = SP DIGIT and a negative zone crossing midnight', () => {
    // " 7-Feb-1994 21:52:25 -0800" (the §6.3.11 APPEND message date) → 1994-02-08T05:52:25Z.
    expectResponse(
      '* 1 FETCH (INTERNALDATE " 7-Feb-1994 21:52:25 -0800")\r\n',
      fetch(1, {
        internalDate: new Date(Date.UTC(1994, 1, 8, 5, 52, 25)),
        internalDateRaw: ' 7-Feb-1994 21:52:25 -0800',
      }),
    );
  });

  test('INTERNALDATE with a positive zone crossing midnight backwards', () => {
    expectResponse(
      '* 1 FETCH (INTERNALDATE "01-Jan-2000 00:30:00 +0100")\r\n',
      fetch(1, {
        internalDate: new Date(Date.UTC(1999, 11, 31, 23, 30, 0)),
        internalDateRaw: '01-Jan-2000 00:30:00 +0100',
      }),
    );
  });

  test('INTERNALDATE: the month is case-insensitive', () => {
    expectResponse(
      '* 1 FETCH (INTERNALDATE "17-JUL-1996 02:44:25 +0000")\r\n',
      fetch(1, {
        internalDate: new Date(Date.UTC(1996, 6, 17, 2, 44, 25)),
        internalDateRaw: '17-JUL-1996 02:44:25 +0000',
      }),
    );
  });

  test('UID', () => {
    expectResponse('* 23 FETCH (UID 4827313)\r\n', fetch(23, { uid: 4827313 }));
  });

  test('FLAGS with \\Recent, a keyword and no flags', () => {
    expectStream('* 1 FETCH (FLAGS (\\Seen \\Recent $MDNSent))\r\n* 2 FETCH (FLAGS ())\r\n', [
      fetch(1, { flags: ['\\Seen', '\\Recent', '$MDNSent'] }),
      fetch(2, { flags: [] }),
    ]);
  });

  const MSG_HEADER =
    'Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\n' +
    'From: Fred Foobar <foobar@Blurdybloop.COM>\r\n' +
    'Subject: afternoon meeting\r\n' +
    'To: mooch@owatagu.siam.edu\r\n' +
    'Message-Id: <B27397-0100000@Blurdybloop.COM>\r\n' +
    'MIME-Version: 1.0\r\n' +
    'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n' +
    '\r\n';
  const MSG_TEXT = 'Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n';
  const MSG = MSG_HEADER + MSG_TEXT;

  test('the §6.3.11 message is the 310 octets its APPEND announces', () => {
    expect(bytes(MSG).length).toBe(310);
  });

  test('BODY[] as a literal', () => {
    expectResponse(
      `* 1 FETCH (BODY[] {310}\r\n${MSG})\r\n`,
      fetch(1, { sections: [{ kind: 'body', section: '', part: [], value: bytes(MSG) }] }),
    );
  });

  test('BODY[HEADER] and BODY[TEXT] as literals, in the order sent', () => {
    expectResponse(
      `* 1 FETCH (BODY[HEADER] {${MSG_HEADER.length}}\r\n${MSG_HEADER} BODY[TEXT] {${MSG_TEXT.length}}\r\n${MSG_TEXT})\r\n`,
      fetch(1, {
        sections: [
          { kind: 'body', section: 'HEADER', part: [], text: 'HEADER', value: bytes(MSG_HEADER) },
          { kind: 'body', section: 'TEXT', part: [], text: 'TEXT', value: bytes(MSG_TEXT) },
        ],
      }),
    );
  });

  test('BODY[TEXT] as a quoted string with escapes', () => {
    expectResponse(
      '* 1 FETCH (BODY[TEXT] "say \\"hi\\" \\\\o/")\r\n',
      fetch(1, {
        sections: [{ kind: 'body', section: 'TEXT', part: [], text: 'TEXT', value: bytes('say "hi" \\o/') }],
      }),
    );
  });

  test('BODY[1.2.MIME] as a quoted string', () => {
    expectResponse(
      '* 7 FETCH (BODY[1.2.MIME] "Content-Type: text/plain; charset=us-ascii")\r\n',
      fetch(7, {
        sections: [
          {
            kind: 'body',
            section: '1.2.MIME',
            part: [1, 2],
            text: 'MIME',
            value: bytes('Content-Type: text/plain; charset=us-ascii'),
          },
        ],
      }),
    );
  });

  test('BODY[1.2] (a part, no text specifier) and BODY[3.HEADER]', () => {
    expectResponse(
      '* 7 FETCH (BODY[1.2] "hello" BODY[3.HEADER] "Subject: x\\\\y")\r\n',
      fetch(7, {
        sections: [
          { kind: 'body', section: '1.2', part: [1, 2], value: bytes('hello') },
          { kind: 'body', section: '3.HEADER', part: [3], text: 'HEADER', value: bytes('Subject: x\\y') },
        ],
      }),
    );
  });

  test('BODY[HEADER.FIELDS (DATE FROM)] as a literal', () => {
    const h =
      'Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nFrom: Fred Foobar <foobar@Blurdybloop.COM>\r\n\r\n';
    expectResponse(
      `* 2 FETCH (BODY[HEADER.FIELDS (DATE FROM)] {${h.length}}\r\n${h})\r\n`,
      fetch(2, {
        sections: [
          {
            kind: 'body',
            section: 'HEADER.FIELDS (DATE FROM)',
            part: [],
            text: 'HEADER.FIELDS',
            fields: ['DATE', 'FROM'],
            value: bytes(h),
          },
        ],
      }),
    );
  });

  test('BODY[HEADER.FIELDS ("DATE" FROM)]: header-fld-name is an astring', () => {
    expectResponse(
      '* 2 FETCH (BODY[HEADER.FIELDS ("DATE" FROM)] "")\r\n',
      fetch(2, {
        sections: [
          {
            kind: 'body',
            section: 'HEADER.FIELDS (DATE FROM)',
            part: [],
            text: 'HEADER.FIELDS',
            fields: ['DATE', 'FROM'],
            value: new Uint8Array(0),
          },
        ],
      }),
    );
  });

  test('BODY[1.HEADER.FIELDS.NOT (RECEIVED)]', () => {
    expectResponse(
      '* 2 FETCH (BODY[1.HEADER.FIELDS.NOT (RECEIVED)] {12}\r\nSubject: x\r\n)\r\n',
      fetch(2, {
        sections: [
          {
            kind: 'body',
            section: '1.HEADER.FIELDS.NOT (RECEIVED)',
            part: [1],
            text: 'HEADER.FIELDS.NOT',
            fields: ['RECEIVED'],
            value: bytes('Subject: x\r\n'),
          },
        ],
      }),
    );
  });

  test('BODY[]<0> (a partial fetch: its origin octet)', () => {
    expectResponse(
      '* 1 FETCH (BODY[]<0> {10}\r\nDate: Mon,)\r\n',
      fetch(1, {
        sections: [{ kind: 'body', section: '', part: [], origin: 0, value: bytes('Date: Mon,') }],
      }),
    );
  });

  test('BODY[TEXT]<1024> "…"', () => {
    expectResponse(
      '* 1 FETCH (BODY[TEXT]<1024> "tomorrow?")\r\n',
      fetch(1, {
        sections: [
          { kind: 'body', section: 'TEXT', part: [], text: 'TEXT', origin: 1024, value: bytes('tomorrow?') },
        ],
      }),
    );
  });

  test('BODY[1] NIL and BODY[2] {0}', () => {
    expectResponse(
      '* 1 FETCH (BODY[1] NIL BODY[2] {0}\r\n)\r\n',
      fetch(1, {
        sections: [
          { kind: 'body', section: '1', part: [1], value: null },
          { kind: 'body', section: '2', part: [2], value: new Uint8Array(0) },
        ],
      }),
    );
  });

  test('RFC822, RFC822.HEADER and RFC822.TEXT', () => {
    expectStream(
      `* 1 FETCH (RFC822 {310}\r\n${MSG})\r\n` +
        `* 1 FETCH (RFC822.HEADER {${MSG_HEADER.length}}\r\n${MSG_HEADER})\r\n` +
        `* 1 FETCH (RFC822.TEXT "Hello Joe")\r\n` +
        '* 1 FETCH (RFC822.TEXT NIL)\r\n',
      [
        fetch(1, { rfc822: bytes(MSG) }),
        fetch(1, { rfc822Header: bytes(MSG_HEADER) }),
        fetch(1, { rfc822Text: bytes('Hello Joe') }),
        fetch(1, { rfc822Text: null }),
      ],
    );
  });

  test('8-bit text in a BODY[TEXT] literal stays bytes', () => {
    expectResponse(
      concat('* 1 FETCH (BODY[TEXT] {7}\r\n', [0x47, 0x72, 0xfc, 0xdf, 0x65, 0x0d, 0x0a], ')\r\n'),
      fetch(1, {
        sections: [
          { kind: 'body', section: 'TEXT', part: [], text: 'TEXT', value: hex('47 72 fc df 65 0d 0a') },
        ],
      }),
    );
  });

  test('ENVELOPE, the §8 sample: every field', () => {
    expectResponse(
      `* 12 FETCH (ENVELOPE ${SAMPLE_ENVELOPE_WIRE})\r\n`,
      fetch(12, { envelope: SAMPLE_ENVELOPE }),
    );
  });

  test('BODY, the §7.4.2 text example ("TEXT" "PLAIN" … 2279 48): a non-multipart message is part 1', () => {
    expectResponse(
      '* 1 FETCH (BODY ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 2279 48))\r\n',
      fetch(1, { body: textPlain('1', 2279, 48) }),
    );
  });

  test('BODYSTRUCTURE, the §7.4.2 multipart example', () => {
    const bs =
      '(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 1152 23)' +
      '("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "cc.diff") ' +
      '"<960723163407.20117h@cac.washington.edu>" "Compiler diff" "BASE64" 4554 73) "MIXED")';
    expectResponse(
      `* 4 FETCH (UID 9 BODYSTRUCTURE ${bs} FLAGS (\\Seen))\r\n`,
      fetch(4, {
        uid: 9,
        flags: ['\\Seen'],
        bodyStructure: {
          type: 'multipart',
          subtype: 'mixed',
          parts: [
            textPlain('1', 1152, 23),
            {
              type: 'text',
              subtype: 'plain',
              section: '2',
              params: [
                { name: 'charset', value: 'US-ASCII' },
                { name: 'name', value: 'cc.diff' },
              ],
              id: '<960723163407.20117h@cac.washington.edu>',
              description: 'Compiler diff',
              encoding: 'base64',
              size: 4554,
              lines: 73,
            },
          ],
        },
      }),
    );
  });

  test('BODY: the part numbers of the §6.4.5 "complex message" example', () => {
    // HEADER/TEXT MULTIPART/MIXED; 1 TEXT/PLAIN; 2 APPLICATION/OCTET-STREAM; 3 MESSAGE/RFC822
    // (3.1 TEXT/PLAIN, 3.2 APPLICATION/OCTET-STREAM); 4 MULTIPART/MIXED (4.1 IMAGE/GIF,
    // 4.2 MESSAGE/RFC822 (4.2.1 TEXT/PLAIN, 4.2.2 MULTIPART/ALTERNATIVE (4.2.2.1 TEXT/PLAIN,
    // 4.2.2.2 TEXT/RICHTEXT))). A multipart directly inside a message/rfc822 has no number.
    const T = '("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 10 1)';
    const A = '("APPLICATION" "OCTET-STREAM" NIL NIL NIL "BASE64" 20)';
    const G = '("IMAGE" "GIF" NIL NIL NIL "BASE64" 30)';
    const R = '("TEXT" "RICHTEXT" NIL NIL NIL "7BIT" 40 2)';
    const E = '(NIL "x" NIL NIL NIL NIL NIL NIL NIL NIL)';
    const m3 = `("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100 ${E} (${T}${A} "MIXED") 5)`;
    const m42 = `("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 200 ${E} (${T}(${T}${R} "ALTERNATIVE") "MIXED") 9)`;
    const wire = `(${T}${A}${m3}(${G}${m42} "MIXED") "MIXED")`;
    const basic = (type: string, subtype: string, section: string, size: number): SinglePartBody => ({
      type,
      subtype,
      section,
      params: [],
      id: null,
      description: null,
      encoding: 'base64',
      size,
    });
    const message = (section: string, size: number, body: BodyStructure, lines: number): SinglePartBody => ({
      type: 'message',
      subtype: 'rfc822',
      section,
      params: [],
      id: null,
      description: null,
      encoding: '7bit',
      size,
      envelope: MINIMAL_ENVELOPE,
      body,
      lines,
    });
    expectResponse(
      `* 1 FETCH (BODY ${wire})\r\n`,
      fetch(1, {
        body: {
          type: 'multipart',
          subtype: 'mixed',
          parts: [
            textPlain('1', 10, 1),
            basic('application', 'octet-stream', '2', 20),
            message(
              '3',
              100,
              {
                type: 'multipart',
                subtype: 'mixed',
                parts: [textPlain('3.1', 10, 1), basic('application', 'octet-stream', '3.2', 20)],
              },
              5,
            ),
            {
              type: 'multipart',
              subtype: 'mixed',
              section: '4',
              parts: [
                basic('image', 'gif', '4.1', 30),
                message(
                  '4.2',
                  200,
                  {
                    type: 'multipart',
                    subtype: 'mixed',
                    parts: [
                      textPlain('4.2.1', 10, 1),
                      {
                        type: 'multipart',
                        subtype: 'alternative',
                        section: '4.2.2',
                        parts: [
                          textPlain('4.2.2.1', 10, 1),
                          {
                            type: 'text',
                            subtype: 'richtext',
                            section: '4.2.2.2',
                            params: [],
                            id: null,
                            description: null,
                            encoding: '7bit',
                            size: 40,
                            lines: 2,
                          },
                        ],
                      },
                    ],
                  },
                  9,
                ),
              ],
            },
          ],
        },
      }),
    );
  });

  test('BODY: a message/rfc822 message whose body is not multipart: its body is part 1.1', () => {
    const T = '("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 10 1)';
    expectResponse(
      `* 1 FETCH (BODY ("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 50 (NIL "x" NIL NIL NIL NIL NIL NIL NIL NIL) ${T} 3))\r\n`,
      fetch(1, {
        body: {
          type: 'message',
          subtype: 'rfc822',
          section: '1',
          params: [],
          id: null,
          description: null,
          encoding: '7bit',
          size: 50,
          envelope: MINIMAL_ENVELOPE,
          body: textPlain('1.1', 10, 1),
          lines: 3,
        },
      }),
    );
  });

  test('BODYSTRUCTURE extension data of a part: md5, disposition, language, location, extensions', () => {
    const bs =
      '("TEXT" "PLAIN" ("CHARSET" "US-ASCII" "NAME" "a.txt") NIL NIL "QUOTED-PRINTABLE" 2279 48 ' +
      'NIL ("ATTACHMENT" ("FILENAME" "a.txt")) ("EN" "DE") "http://example.org/a.txt" 42 ("X" 1))';
    expectResponse(
      `* 1 FETCH (BODYSTRUCTURE ${bs})\r\n`,
      fetch(1, {
        bodyStructure: {
          type: 'text',
          subtype: 'plain',
          section: '1',
          params: [
            { name: 'charset', value: 'US-ASCII' },
            { name: 'name', value: 'a.txt' },
          ],
          id: null,
          description: null,
          encoding: 'quoted-printable',
          size: 2279,
          lines: 48,
          md5: null,
          disposition: { type: 'attachment', params: [{ name: 'filename', value: 'a.txt' }] },
          language: ['EN', 'DE'],
          location: 'http://example.org/a.txt',
          extensions: [42, ['X', 1]],
        },
      }),
    );
  });

  test('BODYSTRUCTURE extension data of a multipart: params, disposition NIL, one language', () => {
    const bs =
      '(("TEXT" "PLAIN" NIL NIL NIL "7BIT" 3 1)("TEXT" "HTML" NIL NIL NIL "7BIT" 5 1) "ALTERNATIVE" ' +
      '("BOUNDARY" "b1") NIL "en")';
    const part = (subtype: string, section: string, size: number): SinglePartBody => ({
      type: 'text',
      subtype,
      section,
      params: [],
      id: null,
      description: null,
      encoding: '7bit',
      size,
      lines: 1,
    });
    expectResponse(
      `* 1 FETCH (BODYSTRUCTURE ${bs})\r\n`,
      fetch(1, {
        bodyStructure: {
          type: 'multipart',
          subtype: 'alternative',
          parts: [part('plain', '1', 3), part('html', '2', 5)],
          params: [{ name: 'boundary', value: 'b1' }],
          disposition: null,
          language: ['en'],
        },
      }),
    );
  });

  test('BODYSTRUCTURE with a literal parameter value', () => {
    expectResponse(
      '* 4 FETCH (BODYSTRUCTURE ("TEXT" "PLAIN" ("NAME" {5}\r\na b c) NIL NIL "7BIT" 10 1))\r\n',
      fetch(4, {
        bodyStructure: {
          type: 'text',
          subtype: 'plain',
          section: '1',
          params: [{ name: 'name', value: 'a b c' }],
          id: null,
          description: null,
          encoding: '7bit',
          size: 10,
          lines: 1,
        },
      }),
    );
  });

  test('an attribute without a grammar here is kept in unknown with its exact bytes (literal included)', () => {
    expectResponse(
      '* 1 FETCH (X-EXAMPLE (a "b" {1}\r\nc NIL) UID 5)\r\n',
      fetch(1, { unknown: [{ name: 'X-EXAMPLE', raw: bytes('(a "b" {1}\r\nc NIL)') }], uid: 5 }),
    );
  });
});

describe('RFC 3501 §7.5 command continuation request', () => {
  test('the §7.5 example', () => {
    expectStream(
      '+ Ready for additional command text\r\n' +
        '+ Ready for additional command text\r\n' +
        'A001 OK LOGIN completed\r\n' +
        'A044 BAD No such command as "BLURDYBLOOP"\r\n',
      [
        { type: 'continuation', text: 'Ready for additional command text' },
        { type: 'continuation', text: 'Ready for additional command text' },
        tagged('A001', 'OK', 'LOGIN completed'),
        tagged('A044', 'BAD', 'No such command as "BLURDYBLOOP"'),
      ],
    );
  });

  test('+ Ready for additional command text, alone', () => {
    expectResponse('+ Ready for additional command text\r\n', {
      type: 'continuation',
      text: 'Ready for additional command text',
    });
  });

  test('+ with a response code: resp-text, not base64', () => {
    expectResponse('+ [ALERT] Send the literal\r\n', {
      type: 'continuation',
      code: { name: 'ALERT' },
      text: 'Send the literal',
    });
  });
});

describe('RFC 3501 §8 sample connection', () => {
  const HEADER =
    'Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\n' +
    'From: Terry Gray <gray@cac.washington.edu>\r\n' +
    'Subject: IMAP4rev1 WG mtg summary and minutes\r\n' +
    'To: imap@cac.washington.edu\r\n' +
    'cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\n' +
    'Message-Id: <B27397-0100000@cac.washington.edu>\r\n' +
    'MIME-Version: 1.0\r\n' +
    'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n' +
    '\r\n';

  test('the header literal is the 342 octets the RFC announces', () => {
    expect(bytes(HEADER).length).toBe(342);
  });

  test('fetch 12 full', () => {
    expectResponse(
      `* 12 FETCH (FLAGS (\\Seen) INTERNALDATE "17-Jul-1996 02:44:25 -0700" RFC822.SIZE 4286 ENVELOPE ${SAMPLE_ENVELOPE_WIRE} BODY ${SAMPLE_BODY_WIRE})\r\n`,
      fetch(12, {
        flags: ['\\Seen'],
        internalDate: new Date('1996-07-17T09:44:25Z'),
        internalDateRaw: '17-Jul-1996 02:44:25 -0700',
        rfc822Size: 4286,
        envelope: SAMPLE_ENVELOPE,
        body: textPlain('1', 3028, 92),
      }),
    );
  });

  test('fetch 12 body[header]', () => {
    expectResponse(
      `* 12 FETCH (BODY[HEADER] {342}\r\n${HEADER})\r\n`,
      fetch(12, {
        sections: [{ kind: 'body', section: 'HEADER', part: [], text: 'HEADER', value: bytes(HEADER) }],
      }),
    );
  });

  test('the whole server side, as one stream', () => {
    const expected: DecodeItem[] = [
      untagged('ok', 'IMAP4rev1 Service Ready'),
      tagged('a001', 'OK', 'LOGIN completed'),
      { type: 'untagged', kind: 'exists', count: 18 },
      { type: 'untagged', kind: 'flags', flags: SYSTEM_FLAGS },
      { type: 'untagged', kind: 'recent', count: 2 },
      untagged('ok', 'Message 17 is the first unseen message', { name: 'UNSEEN', value: 17 }),
      untagged('ok', 'UIDs valid', { name: 'UIDVALIDITY', value: 3857529045 }),
      tagged('a002', 'OK', 'SELECT completed', { name: 'READ-WRITE' }),
      fetch(12, {
        flags: ['\\Seen'],
        internalDate: new Date('1996-07-17T09:44:25Z'),
        internalDateRaw: '17-Jul-1996 02:44:25 -0700',
        rfc822Size: 4286,
        envelope: SAMPLE_ENVELOPE,
        body: textPlain('1', 3028, 92),
      }),
      tagged('a003', 'OK', 'FETCH completed'),
      fetch(12, {
        sections: [{ kind: 'body', section: 'HEADER', part: [], text: 'HEADER', value: bytes(HEADER) }],
      }),
      tagged('a004', 'OK', 'FETCH completed'),
      fetch(12, { flags: ['\\Seen', '\\Deleted'] }),
      tagged('a005', 'OK', '+FLAGS completed'),
      untagged('bye', 'IMAP4rev1 server terminating connection'),
      tagged('a006', 'OK', 'LOGOUT completed'),
    ];
    expectStream(
      '* OK IMAP4rev1 Service Ready\r\n' +
        'a001 OK LOGIN completed\r\n' +
        '* 18 EXISTS\r\n' +
        '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n' +
        '* 2 RECENT\r\n' +
        '* OK [UNSEEN 17] Message 17 is the first unseen message\r\n' +
        '* OK [UIDVALIDITY 3857529045] UIDs valid\r\n' +
        'a002 OK [READ-WRITE] SELECT completed\r\n' +
        `* 12 FETCH (FLAGS (\\Seen) INTERNALDATE "17-Jul-1996 02:44:25 -0700" RFC822.SIZE 4286 ENVELOPE ${SAMPLE_ENVELOPE_WIRE} BODY ${SAMPLE_BODY_WIRE})\r\n` +
        'a003 OK FETCH completed\r\n' +
        `* 12 FETCH (BODY[HEADER] {342}\r\n${HEADER})\r\n` +
        'a004 OK FETCH completed\r\n' +
        '* 12 FETCH (FLAGS (\\Seen \\Deleted))\r\n' +
        'a005 OK +FLAGS completed\r\n' +
        '* BYE IMAP4rev1 server terminating connection\r\n' +
        'a006 OK LOGOUT completed\r\n',
      expected,
    );
  });
});

describe('RFC 3501 §9 grammar notes', () => {
  test('note 1: keywords are case-insensitive (status, response names, codes, FETCH items)', () => {
    expectStream(
      '* ok [read-write] fine\r\n' +
        '* 3 exists\r\n' +
        '* 2 Recent\r\n' +
        'a1 no [TryCreate] nope\r\n' +
        '* 1 fetch (uid 5 rfc822.size 10 body[header.fields (date)] {0}\r\n flags (\\Seen))\r\n',
      [
        untagged('ok', 'fine', { name: 'READ-WRITE' }),
        { type: 'untagged', kind: 'exists', count: 3 },
        { type: 'untagged', kind: 'recent', count: 2 },
        tagged('a1', 'NO', 'nope', { name: 'TRYCREATE' }),
        fetch(1, {
          uid: 5,
          rfc822Size: 10,
          flags: ['\\Seen'],
          sections: [
            {
              kind: 'body',
              section: 'HEADER.FIELDS (date)',
              part: [],
              text: 'HEADER.FIELDS',
              fields: ['date'],
              value: new Uint8Array(0),
            },
          ],
        }),
      ],
    );
  });

  test('text may end in "{n}": a status response or continuation is not announcing a literal', () => {
    expectStream('A1 NO Quota exceeded {3}\r\n* OK hello {5}\r\n+ Ready {7}\r\n* 42 EXISTS\r\n', [
      tagged('A1', 'NO', 'Quota exceeded {3}'),
      untagged('ok', 'hello {5}'),
      { type: 'continuation', text: 'Ready {7}' },
      { type: 'untagged', kind: 'exists', count: 42 },
    ]);
  });

  test('BADCHARSET takes astrings: a literal charset inside the code', () => {
    expectResponse(
      'A283 NO [BADCHARSET ({5}\r\nUTF-8 US-ASCII)] Charset not supported\r\n',
      tagged('A283', 'NO', 'Charset not supported', { name: 'BADCHARSET', charsets: ['UTF-8', 'US-ASCII'] }),
    );
  });

  test('tag = 1*<any ASTRING-CHAR except "+">: "]" is a tag character', () => {
    expectResponse('a]1 OK done\r\n', tagged('a]1', 'OK', 'done'));
  });
});

describe('RFC 3501 §9 ABNF boundaries: what the grammar refuses', () => {
  const cases: [string, string, { code: 'SYNTAX' | 'NUMBER_RANGE'; offset: number }][] = [
    ['UIDVALIDITY 0 (nz-number)', '* OK [UIDVALIDITY 0] x\r\n', { code: 'SYNTAX', offset: 18 }],
    ['UIDNEXT 0 (nz-number)', '* OK [UIDNEXT 0] x\r\n', { code: 'SYNTAX', offset: 14 }],
    ['UNSEEN 0 (nz-number)', '* OK [UNSEEN 0] x\r\n', { code: 'SYNTAX', offset: 13 }],
    ['UIDNEXT beyond 32 bits', '* OK [UIDNEXT 4294967296] x\r\n', { code: 'NUMBER_RANGE', offset: 14 }],
    ['SEARCH 0 (nz-number)', '* SEARCH 2 0\r\n', { code: 'SYNTAX', offset: 11 }],
    ['FETCH 0 (message-data = nz-number SP "FETCH")', '* 0 FETCH (UID 1)\r\n', { code: 'SYNTAX', offset: 2 }],
    ['a response code not closed by "]"', '* OK [XFOO look\r\n', { code: 'SYNTAX', offset: 15 }],
  ];
  // Strict mode: by default a status response keeps a malformed code raw (malformedResponseCode).
  for (const [name, input, refusal] of cases)
    test(name, () => expectRefused(input, refusal, { strict: true }));
});
