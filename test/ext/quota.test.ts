/**
 * QUOTA and QUOTAROOT (src/parser/ext/quota.ts): RFC 9208 examples, Dovecot 2.3.19 captures,
 * the Archiveopteryx double SP, refusals.
 */
import { describe, test } from 'vitest';
import type { QuotaResource, QuotaResponse, QuotaRootResponse } from '../../src/index.ts';
import { bytes, expectDecoded, expectOne, expectQuirk, expectRefused } from '../helpers/ext.ts';

function quota(root: string, ...resources: [string, number, number][]): QuotaResponse {
  return {
    type: 'untagged',
    kind: 'quota',
    root,
    resources: resources.map(([name, usage, limit]): QuotaResource => ({ name, usage, limit })),
  };
}

function quotaRoot(mailbox: string, roots: string[], raw = mailbox): QuotaRootResponse {
  return { type: 'untagged', kind: 'quotaroot', mailbox, mailboxRaw: bytes(raw), roots };
}

describe('known answers', () => {
  test('RFC 9208 §4.1.1 / §4.1.2 examples', () => {
    expectDecoded(
      '* QUOTA "" (STORAGE 10 512)\r\n' +
        '* QUOTAROOT INBOX ""\r\n' +
        '* QUOTAROOT comp.mail.mime\r\n' +
        '* QUOTA "!partition/sda4" (STORAGE 104 10923847)\r\n' +
        '* QUOTA "#user/alice" (MESSAGE 42 1000 MAILBOX 5 100 ANNOTATION-STORAGE 0 1024)\r\n',
      [
        quota('', ['STORAGE', 10, 512]),
        quotaRoot('INBOX', ['']),
        quotaRoot('comp.mail.mime', []),
        quota('!partition/sda4', ['STORAGE', 104, 10923847]),
        quota('#user/alice', ['MESSAGE', 42, 1000], ['MAILBOX', 5, 100], ['ANNOTATION-STORAGE', 0, 1024]),
      ],
    );
  });

  test('Dovecot 2.3.19 GETQUOTAROOT INBOX', () => {
    expectDecoded(
      '* QUOTAROOT INBOX "User quota"\r\n* QUOTA "User quota" (STORAGE 4249 102400 MESSAGE 40 10000)\r\n',
      [
        quotaRoot('INBOX', ['User quota']),
        quota('User quota', ['STORAGE', 4249, 102400], ['MESSAGE', 40, 10000]),
      ],
    );
  });

  test('several roots; usage above 2^32 (number64); a 0 limit', () => {
    expectDecoded('* QUOTAROOT "Sent" user/a shared\r\n* QUOTA x (STORAGE 8589934592 0)\r\n', [
      quotaRoot('Sent', ['user/a', 'shared']),
      quota('x', ['STORAGE', 8589934592, 0]),
    ]);
  });

  test('RFC 2087 quota_list = "(" #quota_resource ")": an empty list', () => {
    expectOne('* QUOTA user/bob ()\r\n', quota('user/bob'));
  });
});

describe('quirks', () => {
  test('quotaExtraSpace: Archiveopteryx 3.2.0 puts two SPs between numbers (imap-proto #169)', () => {
    expectQuirk(
      '* QUOTA "" (STORAGE  10  512)\r\n',
      quota('', ['STORAGE', 10, 512]),
      'quotaExtraSpace',
      20,
      2,
    );
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('a resource without its limit', () => {
    expectRefused('* QUOTA "" (STORAGE 10)\r\n', 'SYNTAX', 22);
  });
  test('a negative usage', () => {
    expectRefused('* QUOTA "" (STORAGE -1 5)\r\n', 'SYNTAX', 20);
  });
  test('no list (quirk quotaWithoutResources, Courier-IMAP 5; refused in strict mode)', () => {
    expectRefused('* QUOTA ""\r\n', 'STRICT', 10, { strict: true });
  });
  test('QUOTAROOT without a mailbox', () => {
    expectRefused('* QUOTAROOT\r\n', 'SYNTAX', 11);
  });
});
