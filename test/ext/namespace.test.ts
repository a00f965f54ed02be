/**
 * NAMESPACE (src/parser/ext/namespace.ts): RFC 2342 / RFC 9051 examples, Dovecot, Courier and
 * Yahoo shapes, extensions, refusals.
 */
import { describe, test } from 'vitest';
import type { NamespaceDescription, NamespaceResponse } from '../../src/index.ts';
import { bytes, expectOne, expectRefused } from '../helpers/ext.ts';

function ns(
  prefix: string,
  delimiter: string | null,
  extra: Partial<NamespaceDescription> = {},
): NamespaceDescription {
  return { prefix, prefixRaw: bytes(prefix), delimiter, ...extra };
}

function namespace(
  personal: NamespaceDescription[] | null,
  otherUsers: NamespaceDescription[] | null,
  shared: NamespaceDescription[] | null,
): NamespaceResponse {
  return { type: 'untagged', kind: 'namespace', personal, otherUsers, shared };
}

describe('known answers', () => {
  test('RFC 9051 §6.3.10 example', () => {
    expectOne('* NAMESPACE (("" "/")) NIL NIL\r\n', namespace([ns('', '/')], null, null));
  });

  test('RFC 2342 §5 example 5.4: several descriptions, no SP between them', () => {
    expectOne(
      '* NAMESPACE (("" "/")("#mh/" "/")("#news." ".")) NIL NIL\r\n',
      namespace([ns('', '/'), ns('#mh/', '/'), ns('#news.', '.')], null, null),
    );
  });

  test('Dovecot 2.3.19', () => {
    expectOne(
      '* NAMESPACE (("" "/")) (("Shared/" "/")) (("Public/" "/"))\r\n',
      namespace([ns('', '/')], [ns('Shared/', '/')], [ns('Public/', '/')]),
    );
  });

  test('Courier-IMAP 5: INBOX. prefix (not folded to INBOX), two shared namespaces', () => {
    expectOne(
      '* NAMESPACE (("INBOX." ".")) NIL (("#shared." ".")("shared." "."))\r\n',
      namespace([ns('INBOX.', '.')], null, [ns('#shared.', '.'), ns('shared.', '.')]),
    );
  });

  test('Yahoo (emailjs-imap-client #36): a NIL delimiter', () => {
    expectOne('* NAMESPACE (("" NIL)) NIL NIL\r\n', namespace([ns('', null)], null, null));
  });

  test('RFC 2342 / RFC 5255: extension data (TRANSLATION) and a modified UTF-7 prefix', () => {
    expectOne(
      '* NAMESPACE (("" "/")) (("~" "/" "X-PARAM" ("FLAG1" "FLAG2"))) (("&ZeVnLIqe-/" "/" "TRANSLATION" ("Shared")))\r\n',
      namespace(
        [ns('', '/')],
        [ns('~', '/', { extensions: [{ name: 'X-PARAM', values: ['FLAG1', 'FLAG2'] }] })],
        [
          {
            prefix: '日本語/',
            prefixRaw: bytes('&ZeVnLIqe-/'),
            delimiter: '/',
            extensions: [{ name: 'TRANSLATION', values: ['Shared'] }],
          },
        ],
      ),
    );
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('an empty namespace list (1*namespace-descr)', () => {
    expectRefused('* NAMESPACE () NIL NIL\r\n', 'SYNTAX', 13);
  });
  test('an atom prefix (string only)', () => {
    expectRefused('* NAMESPACE ((INBOX "/")) NIL NIL\r\n', 'SYNTAX', 14);
  });
  test('two namespaces instead of three', () => {
    expectRefused('* NAMESPACE NIL NIL\r\n', 'SYNTAX', 19);
  });
  test('an extension without its value list', () => {
    expectRefused('* NAMESPACE (("" "/" "X")) NIL NIL\r\n', 'SYNTAX', 24);
  });
});
