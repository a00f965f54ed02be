/**
 * Modified UTF-7 decoding (src/parser/mutf7.ts) and the mailbox-name rule (src/parser/mailbox.ts):
 * RFC 3501 §5.1.3 examples, the Dovecot corpus names, and the malformed shapes that must fall
 * back to UTF-8 rather than decode to something else.
 */
import { describe, expect, test } from 'vitest';
import { mailboxName, nameString } from '../../src/parser/mailbox.ts';
import { decodeMutf7 } from '../../src/parser/mutf7.ts';
import { bytes, latin1 } from '../helpers/decode.ts';

function mutf7(s: string): string | undefined {
  const b = latin1(s);
  return decodeMutf7(b, 0, b.length);
}

describe('decodeMutf7', () => {
  test.each([
    // RFC 3501 §5.1.3: "~peter/mail/台北/日本語"
    ['~peter/mail/&U,BTFw-/&ZeVnLIqe-', '~peter/mail/台北/日本語'],
    ['', ''],
    ['INBOX', 'INBOX'],
    ['&-', '&'],
    ['a&-b&-', 'a&b&'],
    // The Dovecot corpus folders (fixtures/corpus/FOLDERS)
    ['Re&AOc-us &- Factures', 'Reçus & Factures'],
    ['&BB8EQAQ4BDIENQRC-', 'Привет'],
    ['Emoji &2D3c7A-', 'Emoji 📬'],
    // Control characters may be encoded (they are not printable ASCII).
    ['&AAk-', '\t'],
  ])('%s → %s', (wire, name) => {
    expect(mutf7(wire)).toBe(name);
  });

  test.each([
    ['an unterminated shift', '&ZeVnLIqe'],
    ['an empty shift other than "&-"', 'a&'],
    ['a byte outside the modified base64 alphabet', '&Ze/nLIqe-'],
    ['printable ASCII encoded in base64 ("a" as &AGE-)', '&AGE-'],
    ['"&" encoded in base64', '&ACY-'],
    ['leftover non-zero bits (ç as &AOd- instead of &AOc-)', '&AOd-'],
    ['six or more leftover bits', '&ZeVnLIqeA-'],
    ['a lone high surrogate', '&2D0-'],
    ['a lone low surrogate', '&3OwA-'],
    ['two adjacent shifts (a null shift: 日 and 本 as &ZeU-&Zyw-)', '&ZeU-&Zyw-'],
    ['an 8-bit byte', 'caf\xc3\xa9'],
    ['a control character', 'a\x01b'],
  ])('not modified UTF-7: %s', (_what, wire) => {
    expect(mutf7(wire)).toBeUndefined();
  });
});

describe('mailboxName', () => {
  test('INBOX in any case is INBOX; other names keep their case', () => {
    expect(mailboxName(bytes('inbox'))).toBe('INBOX');
    expect(mailboxName(bytes('InBoX'))).toBe('INBOX');
    expect(mailboxName(bytes('INBOX.Sent'))).toBe('INBOX.Sent');
    expect(mailboxName(bytes('Inboxes'))).toBe('Inboxes');
  });

  test('UTF-8 names (UTF8=ACCEPT, IMAP4rev2) read as UTF-8', () => {
    expect(mailboxName(bytes('Reçus & Factures'))).toBe('Reçus & Factures');
    expect(mailboxName(bytes('日本語'))).toBe('日本語');
  });

  test('ASCII that is not valid modified UTF-7 reads as itself', () => {
    expect(mailboxName(bytes('R&D'))).toBe('R&D');
    expect(mailboxName(bytes('&AGE-'))).toBe('&AGE-');
  });

  test('bytes that are neither: U+FFFD where invalid (the raw bytes stay in mailboxRaw)', () => {
    expect(mailboxName(latin1('caf\xe9'))).toBe('caf\ufffd');
  });

  test('nameString does not fold INBOX (namespace prefixes, Gmail labels)', () => {
    expect(nameString(bytes('inbox'))).toBe('inbox');
  });
});
