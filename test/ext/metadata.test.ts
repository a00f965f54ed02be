/**
 * METADATA (src/parser/ext/metadata.ts): RFC 5464 examples, Dovecot 2.3.19 captures
 * (fixtures/dovecot basic; `GETMETADATA INBOX (/private/comment /shared/comment)` on 127.0.0.1),
 * the METADATA response codes, refusals.
 */
import { describe, test } from 'vitest';
import type { MetadataEntry, MetadataResponse, TaggedResponse } from '../../src/index.ts';
import { latin1 } from '../helpers/decode.ts';
import { bytes, expectDecoded, expectOne, expectRefused } from '../helpers/ext.ts';

function metadata(mailbox: string, entries: MetadataEntry[], raw = mailbox): MetadataResponse {
  return { type: 'untagged', kind: 'metadata', mailbox, mailboxRaw: bytes(raw), entries };
}

function no(code: TaggedResponse['code'], text: string): TaggedResponse {
  const r: TaggedResponse = { type: 'tagged', tag: 'A1', status: 'NO', text };
  if (code !== undefined) r.code = code;
  return r;
}

describe('known answers', () => {
  test('RFC 5464 §4.2 examples: server and mailbox entries, NIL and a literal', () => {
    expectDecoded(
      '* METADATA "" (/shared/comment "Shared comment")\r\n' +
        '* METADATA "INBOX" (/private/comment "My own comment" /shared/comment NIL)\r\n' +
        '* METADATA "" (/shared/comment {15}\r\nMultiline\r\ntext)\r\n',
      [
        metadata('', [{ entry: '/shared/comment', value: bytes('Shared comment') }]),
        metadata('INBOX', [
          { entry: '/private/comment', value: bytes('My own comment') },
          { entry: '/shared/comment', value: null },
        ]),
        metadata('', [{ entry: '/shared/comment', value: bytes('Multiline\r\ntext') }]),
      ],
    );
  });

  test('RFC 5464 §4.4 unsolicited form: entry names only', () => {
    expectDecoded('* METADATA INBOX /shared/comment\r\n* METADATA "" /shared/comment /private/x\r\n', [
      metadata('INBOX', [{ entry: '/shared/comment' }]),
      metadata('', [{ entry: '/shared/comment' }, { entry: '/private/x' }]),
    ]);
  });

  test('Dovecot 2.3.19: literal values, and NIL for a mailbox without the entry', () => {
    expectDecoded(
      '* METADATA INBOX (/private/comment {17}\r\nseeded by seed.sh /shared/comment {19}\r\nINBOX of the corpus)\r\n' +
        '* METADATA "Company News" (/private/comment NIL)\r\n',
      [
        metadata('INBOX', [
          { entry: '/private/comment', value: bytes('seeded by seed.sh') },
          { entry: '/shared/comment', value: bytes('INBOX of the corpus') },
        ]),
        metadata('Company News', [{ entry: '/private/comment', value: null }]),
      ],
    );
  });

  test('a literal8 value (binary, RFC 5464 value = nstring / literal8)', () => {
    expectOne(
      latin1('* METADATA "" (/private/vendor/x ~{3}\r\n\x00\x01\xff)\r\n'),
      metadata('', [{ entry: '/private/vendor/x', value: latin1('\x00\x01\xff') }]),
    );
  });

  test('RFC 5464 §4.2.1–§4.3 response codes', () => {
    expectDecoded(
      'A1 NO [METADATA MAXSIZE 1024] Annotation too large\r\n' +
        'A1 NO [METADATA LONGENTRIES 2199] Some entries were too long\r\n' +
        'A1 NO [METADATA TOOMANY] Too many annotations\r\n' +
        'A1 NO [METADATA NOPRIVATE] Private annotations not supported\r\n',
      [
        no({ name: 'METADATA', item: 'MAXSIZE', value: 1024 }, 'Annotation too large'),
        no({ name: 'METADATA', item: 'LONGENTRIES', value: 2199 }, 'Some entries were too long'),
        no({ name: 'METADATA', item: 'TOOMANY' }, 'Too many annotations'),
        no({ name: 'METADATA', item: 'NOPRIVATE' }, 'Private annotations not supported'),
      ],
    );
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('an entry without a value in the parenthesised form', () => {
    expectRefused('* METADATA "" (/shared/comment)\r\n', 'SYNTAX', 30);
  });
  test('no entries', () => {
    expectRefused('* METADATA ""\r\n', 'SYNTAX', 13);
  });
  test('an unknown METADATA code item', () => {
    expectRefused('A1 NO [METADATA HUGE] x\r\n', 'SYNTAX', 16, { strict: true });
  });
  test('MAXSIZE without a number', () => {
    expectRefused('A1 NO [METADATA MAXSIZE] x\r\n', 'SYNTAX', 23, { strict: true });
  });
});
