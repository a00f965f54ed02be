/**
 * ID (src/parser/ext/id.ts): RFC 2971 examples, Dovecot 2.3.19 and Gmail answers, the
 * Archiveopteryx SP before ")", prototype safety, refusals.
 */
import { describe, expect, test } from 'vitest';
import type { IdParam, IdResponse } from '../../src/index.ts';
import { bytes, decodeWhole } from '../helpers/decode.ts';
import { expectOne, expectQuirk, expectRefused } from '../helpers/ext.ts';

function id(params: IdParam[] | null): IdResponse {
  return { type: 'untagged', kind: 'id', params };
}

describe('known answers', () => {
  test('RFC 2971 §3.3 examples: NIL and a list', () => {
    expectOne('* ID NIL\r\n', id(null));
    expectOne(
      '* ID ("name" "Cyrus" "version" "1.5" "os" "sunos" "os-version" "5.5" "support-url" "mailto:cyrus-bugs+@andrew.cmu.edu")\r\n',
      id([
        { name: 'name', value: 'Cyrus' },
        { name: 'version', value: '1.5' },
        { name: 'os', value: 'sunos' },
        { name: 'os-version', value: '5.5' },
        { name: 'support-url', value: 'mailto:cyrus-bugs+@andrew.cmu.edu' },
      ]),
    );
  });

  test('Dovecot 2.3.19 and Gmail (developers.google.com/gmail/imap/imap-extensions)', () => {
    expectOne(
      '* ID ("name" "Dovecot" "version" "2.3.19.1")\r\n',
      id([
        { name: 'name', value: 'Dovecot' },
        { name: 'version', value: '2.3.19.1' },
      ]),
    );
    expectOne(
      '* ID ("name" "GImap" "vendor" "Google, Inc." "support-url" "http://mail.google.com/support" "remote-host" "127.0.0.1")\r\n',
      id([
        { name: 'name', value: 'GImap' },
        { name: 'vendor', value: 'Google, Inc.' },
        { name: 'support-url', value: 'http://mail.google.com/support' },
        { name: 'remote-host', value: '127.0.0.1' },
      ]),
    );
  });

  test('an empty list, NIL values, a literal value', () => {
    expectOne('* ID ()\r\n', id([]));
    expectOne(
      '* ID ("name" NIL "os" {5}\r\nLinux)\r\n',
      id([
        { name: 'name', value: null },
        { name: 'os', value: 'Linux' },
      ]),
    );
  });

  test('names like __proto__ stay plain data in an array (prototype safety)', () => {
    const [r] = decodeWhole(bytes('* ID ("__proto__" "x" "constructor" "y" "name" "z")\r\n'));
    expect(r).toStrictEqual(
      id([
        { name: '__proto__', value: 'x' },
        { name: 'constructor', value: 'y' },
        { name: 'name', value: 'z' },
      ]),
    );
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('quirks', () => {
  test('spaceBeforeParen: Archiveopteryx puts a SP before ")" (imap-proto #168)', () => {
    expectQuirk(
      '* ID ("name" "Archiveopteryx" "version" "3.2.0" )\r\n',
      id([
        { name: 'name', value: 'Archiveopteryx' },
        { name: 'version', value: '3.2.0' },
      ]),
      'spaceBeforeParen',
      47,
    );
  });
});

describe('refusals (code and offset), the next response still parsing', () => {
  test('a name without a value', () => {
    expectRefused('* ID ("name")\r\n', 'SYNTAX', 12);
  });
  test('an atom name (string only)', () => {
    expectRefused('* ID (name "x")\r\n', 'SYNTAX', 6);
  });
  test('a SP after "(" is not the quirk', () => {
    expectRefused('* ID ( "name" "x")\r\n', 'SYNTAX', 6);
  });
  test('no list', () => {
    expectRefused('* ID\r\n', 'SYNTAX', 4);
  });
});
