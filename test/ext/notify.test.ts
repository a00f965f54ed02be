/**
 * NOTIFY (src/parser/ext/notify.ts) and the codes beside it (REFERRAL, src/parser/ext/referral.ts):
 * RFC 5465 examples, the Dovecot 2.3.19 BADEVENT form, the untagged responses NOTIFY produces
 * (STATUS, LIST with OLDNAME, FETCH with PREVIEW, EXPUNGE, VANISHED) in one stream, refusals.
 */
import { describe, test } from 'vitest';
import type { Response, ResponseCode, TaggedResponse } from '../../src/index.ts';
import { bytes, expectDecoded, expectOne, expectQuirk, expectRefused } from '../helpers/ext.ts';

function tagged(
  tag: string,
  status: TaggedResponse['status'],
  text: string,
  code?: ResponseCode,
): TaggedResponse {
  const r: TaggedResponse = { type: 'tagged', tag, status, text };
  if (code !== undefined) r.code = code;
  return r;
}

describe('codes', () => {
  test('RFC 5465 §3.1: NO [BADEVENT (…)]', () => {
    expectOne(
      'A1 NO [BADEVENT (MessageNew MessageExpunge FlagChange)] Unsupported events\r\n',
      tagged('A1', 'NO', 'Unsupported events', {
        name: 'BADEVENT',
        events: ['MessageNew', 'MessageExpunge', 'FlagChange'],
      }),
    );
  });

  test('RFC 5465 §5.8 NOTIFICATIONOVERFLOW and RFC 5530 CLIENTBUG are simple codes', () => {
    expectDecoded('* OK [NOTIFICATIONOVERFLOW] Too many\r\nA2 OK [CLIENTBUG] Done\r\n', [
      { type: 'untagged', kind: 'ok', code: { name: 'NOTIFICATIONOVERFLOW' }, text: 'Too many' },
      tagged('A2', 'OK', 'Done', { name: 'CLIENTBUG' }),
    ]);
  });

  test('RFC 2221 / RFC 2193 REFERRAL: one or more IMAP URLs, an IPv6 host kept whole', () => {
    expectDecoded(
      'A001 NO [REFERRAL IMAP://user;AUTH=*@SERVER2/] Specified user is invalid on this server.\r\n' +
        'A2 NO [REFERRAL imap://[2001:db8::1]/INBOX imap://b/INBOX] Try elsewhere\r\n',
      [
        tagged('A001', 'NO', 'Specified user is invalid on this server.', {
          name: 'REFERRAL',
          urls: ['IMAP://user;AUTH=*@SERVER2/'],
        }),
        tagged('A2', 'NO', 'Try elsewhere', {
          name: 'REFERRAL',
          urls: ['imap://[2001:db8::1]/INBOX', 'imap://b/INBOX'],
        }),
      ],
    );
  });
});

describe('quirks', () => {
  test('badEventAtom: Dovecot 2.3.19 sends the events without parentheses', () => {
    expectQuirk(
      'A4 NO [BADEVENT MailboxMetadataChange] Unsupported NOTIFY events (0.001 + 0.000 secs).\r\n',
      tagged('A4', 'NO', 'Unsupported NOTIFY events (0.001 + 0.000 secs).', {
        name: 'BADEVENT',
        events: ['MailboxMetadataChange'],
      }),
      'badEventAtom',
      16,
    );
  });
});

describe('what NOTIFY produces, as one stream (Dovecot 2.3.19 shapes)', () => {
  test('STATUS of another mailbox, LIST with OLDNAME, FETCH with PREVIEW, EXPUNGE, VANISHED', () => {
    const expected: Response[] = [
      {
        type: 'untagged',
        kind: 'status',
        mailbox: 'Sent',
        mailboxRaw: bytes('Sent'),
        attributes: { messages: 5, uidNext: 9 },
      },
      {
        type: 'untagged',
        kind: 'list',
        flags: [],
        delimiter: '/',
        mailbox: 'New',
        mailboxRaw: bytes('New'),
        oldName: 'Old',
        oldNameRaw: bytes('Old'),
      },
      { type: 'untagged', kind: 'fetch', seq: 13, attributes: { uid: 88, preview: bytes('Hi Bob…') } },
      { type: 'untagged', kind: 'expunge', seq: 4 },
      {
        type: 'untagged',
        kind: 'vanished',
        earlier: true,
        uids: { text: '41:59', ranges: [{ start: 41, end: 59 }] },
      },
      { type: 'untagged', kind: 'ok', code: { name: 'NOTIFICATIONOVERFLOW' }, text: 'Too many events' },
    ];
    expectDecoded(
      '* STATUS "Sent" (MESSAGES 5 UIDNEXT 9)\r\n' +
        '* LIST () "/" "New" ("OLDNAME" ("Old"))\r\n' +
        '* 13 FETCH (UID 88 PREVIEW "Hi Bob…")\r\n' +
        '* 4 EXPUNGE\r\n' +
        '* VANISHED (EARLIER) 41:59\r\n' +
        '* OK [NOTIFICATIONOVERFLOW] Too many events\r\n',
      expected,
    );
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('BADEVENT with an empty list', () => {
    expectRefused('A1 NO [BADEVENT ()] x\r\n', 'SYNTAX', 17, { strict: true });
  });
  test('BADEVENT without events', () => {
    expectRefused('A1 NO [BADEVENT] x\r\n', 'SYNTAX', 15, { strict: true });
  });
  test('REFERRAL without a URL', () => {
    expectRefused('A1 NO [REFERRAL] x\r\n', 'SYNTAX', 15, { strict: true });
  });
});
