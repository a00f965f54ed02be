/**
 * Known answers from the extension RFCs' examples, byte for byte (keyword case aside: NOTIFY's
 * examples are in lower case, the encoder writes the ABNF's case). Each line names its source.
 */
import { describe, expect, test } from 'vitest';
import { EXTENSION_CASES } from './cases.ts';
import { expectWire, shape } from './helpers.ts';

const LITERAL_PLUS = { capabilities: ['IMAP4rev1', 'LITERAL+'] };

describe('extension RFC examples, byte for byte', () => {
  test.each(EXTENSION_CASES)('%s', (_, cmd, expected) => {
    expect(shape(expectWire(cmd, expected))).toEqual(['line']);
  });

  test('RFC 3502 §3 MULTIAPPEND: one command, two literals, the second message after a SP', () => {
    const m1 = [
      'Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)',
      'From: Fred Foobar <foobar@Blurdybloop.example.COM>',
      'Subject: afternoon meeting',
      'To: mooch@owatagu.example.net',
      'Message-Id: <B27397-0100000@Blurdybloop.example.COM>',
      'MIME-Version: 1.0',
      'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
      '',
      'Hello Joe, do you think we can meet at 3:30 tomorrow?',
    ].join('\r\n');
    const m2 = [
      'Date: Mon, 7 Feb 1994 22:43:04 -0800 (PST)',
      'From: Joe Mooch <mooch@OWaTaGu.example.net>',
      'Subject: Re: afternoon meeting',
      'To: foobar@blurdybloop.example.com',
      'Message-Id: <a0434793874930@OWaTaGu.example.net>',
      'MIME-Version: 1.0',
      'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
      '',
      '3:30 is fine with me.',
    ].join('\r\n');
    // The RFC's counts include a CRLF that its transcript shows as the start of the next line.
    const f = expectWire(
      {
        name: 'APPEND',
        mailbox: 'saved-messages',
        messages: [
          { flags: ['\\Seen'], content: `${m1}\r\n` },
          { flags: ['\\Seen'], date: '1994-02-07T22:43:04-08:00', content: `${m2}\r\n` },
        ],
      },
      `A003 APPEND saved-messages (\\Seen) {329}\r\n${m1}\r\n (\\Seen) " 7-Feb-1994 22:43:04 -0800" {295}\r\n${m2}\r\n\r\n`,
    );
    expect(shape(f)).toEqual(['line', 'literal:sync:329', 'line', 'literal:sync:295', 'line']);
  });

  test('RFC 7888 LITERAL+: the same APPEND with a non-synchronising literal', () => {
    const f = expectWire(
      { name: 'APPEND', mailbox: 'Drafts', messages: [{ flags: ['\\Draft'], content: 'hello' }] },
      'A6 APPEND Drafts (\\Draft) {5+}\r\nhello\r\n',
      LITERAL_PLUS,
    );
    expect(shape(f)).toEqual(['line', 'literal:nonsync:5', 'line']);
  });

  test('RFC 3516 §4.4 APPEND of binary content: ~{n}', () => {
    const f = expectWire(
      { name: 'APPEND', mailbox: 'Drafts', messages: [{ flags: ['\\Draft'], content: 'he\0lo' }] },
      'A003 APPEND Drafts (\\Draft) ~{5}\r\nhe\0lo\r\n',
      { capabilities: ['BINARY'] },
    );
    expect(shape(f)).toEqual(['line', 'literal:binary:5', 'line']);
  });

  test('RFC 2177 §3 DONE, RFC 9051 §6.2.2 "*" cancel', async () => {
    const { encodeIdleDone, encodeAuthenticateCancel } = await import('../../src/encoder/auth.ts');
    const { wire } = await import('./helpers.ts');
    expect(wire(encodeIdleDone())).toBe('DONE\r\n');
    expect(wire(encodeAuthenticateCancel())).toBe('*\r\n');
  });
});
