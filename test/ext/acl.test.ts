/**
 * ACL, LISTRIGHTS, MYRIGHTS (src/parser/ext/acl.ts): RFC 4314 examples, Dovecot 2.3.19
 * captures, refusals.
 */
import { describe, test } from 'vitest';
import type { AclEntry, AclResponse, ListRightsResponse, MyRightsResponse } from '../../src/index.ts';
import { bytes, expectDecoded, expectOne, expectRefused } from '../helpers/ext.ts';

function acl(mailbox: string, entries: AclEntry[], raw = mailbox): AclResponse {
  return { type: 'untagged', kind: 'acl', mailbox, mailboxRaw: bytes(raw), entries };
}

function listRights(
  mailbox: string,
  identifier: string,
  required: string,
  optional: string[],
): ListRightsResponse {
  return {
    type: 'untagged',
    kind: 'listrights',
    mailbox,
    mailboxRaw: bytes(mailbox),
    identifier,
    required,
    optional,
  };
}

function myRights(mailbox: string, rights: string, raw = mailbox): MyRightsResponse {
  return { type: 'untagged', kind: 'myrights', mailbox, mailboxRaw: bytes(raw), rights };
}

describe('known answers', () => {
  test('RFC 4314 §3.6 / §3.7 / §3.8 examples', () => {
    expectDecoded(
      '* ACL INBOX Fred rwipsldexta\r\n' +
        '* LISTRIGHTS ~/Mail/saved smith la r swicdkxte\r\n' +
        '* MYRIGHTS INBOX rwiptsldaex\r\n',
      [
        acl('INBOX', [{ identifier: 'Fred', rights: 'rwipsldexta' }]),
        listRights('~/Mail/saved', 'smith', 'la', ['r', 'swicdkxte']),
        myRights('INBOX', 'rwiptsldaex'),
      ],
    );
  });

  test('RFC 4314: several identifiers, a negative one; an ACL with no entries', () => {
    expectDecoded('* ACL Shared bob lrs -bob w "Fred Smith" lr\r\n* ACL Empty\r\n', [
      acl('Shared', [
        { identifier: 'bob', rights: 'lrs' },
        { identifier: '-bob', rights: 'w' },
        { identifier: 'Fred Smith', rights: 'lr' },
      ]),
      acl('Empty', []),
    ]);
  });

  test('Dovecot 2.3.19: ACL of a quoted name, MYRIGHTS, LISTRIGHTS with "" required', () => {
    expectDecoded(
      '* ACL "Company News" bob lrs carol lr alice lrwstipekxacd\r\n' +
        '* MYRIGHTS "Company News" lrwstipekxacd\r\n' +
        '* LISTRIGHTS INBOX bob "" l r w s t p i e k x a c d\r\n',
      [
        acl('Company News', [
          { identifier: 'bob', rights: 'lrs' },
          { identifier: 'carol', rights: 'lr' },
          { identifier: 'alice', rights: 'lrwstipekxacd' },
        ]),
        myRights('Company News', 'lrwstipekxacd'),
        listRights('INBOX', 'bob', '', ['l', 'r', 'w', 's', 't', 'p', 'i', 'e', 'k', 'x', 'a', 'c', 'd']),
      ],
    );
  });

  test('MYRIGHTS of a lower-case inbox', () => {
    expectOne('* MYRIGHTS inbox lr\r\n', myRights('INBOX', 'lr', 'inbox'));
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('an identifier without rights', () => {
    expectRefused('* ACL INBOX Fred\r\n', 'SYNTAX', 16);
  });
  test('MYRIGHTS without rights', () => {
    expectRefused('* MYRIGHTS INBOX\r\n', 'SYNTAX', 16);
  });
  test('LISTRIGHTS without the required rights', () => {
    expectRefused('* LISTRIGHTS INBOX bob\r\n', 'SYNTAX', 22);
  });
});
