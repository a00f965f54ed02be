/**
 * Known answers from RFC 3501 §6 (client commands), byte for byte. Where RFC 9051 §6 repeats an
 * example unchanged it is named too. Where the RFC quotes a value that the encoder sends as an
 * atom (it chooses the shortest safe form), the test says so and gives both lines.
 */
import { describe, expect, test } from 'vitest';
import { encodeAuthenticateResponse } from '../../src/encoder/auth.ts';
import { RFC3501_CASES } from './cases.ts';
import { bytes, enc, expectWire, shape, wire } from './helpers.ts';

describe('RFC 3501 §6 command examples, byte for byte', () => {
  test.each(RFC3501_CASES)('%s', (_, cmd, expected) => {
    const f = expectWire(cmd, expected);
    expect(shape(f)).toEqual(['line']);
  });

  test('§6.3.9 LSUB: the RFC quotes "#news." and "comp.mail.*", which are atoms the encoder sends bare', () => {
    // RFC: A002 LSUB "#news." "comp.mail.*"
    expectWire(
      { name: 'LSUB', reference: '#news.', pattern: 'comp.mail.*' },
      'A002 LSUB #news. comp.mail.*\r\n',
    );
    expectWire({ name: 'LSUB', reference: '#news.', pattern: 'comp.%' }, 'A003 LSUB #news. comp.%\r\n');
  });

  test('§6.3.11 APPEND: a synchronising literal counted in bytes', () => {
    const message = [
      'Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)',
      'From: Fred Foobar <foobar@Blurdybloop.COM>',
      'Subject: afternoon meeting',
      'To: mooch@owatagu.siam.edu',
      'Message-Id: <B27397-0100000@Blurdybloop.COM>',
      'MIME-Version: 1.0',
      'Content-Type: TEXT/PLAIN; CHARSET=US-ASCII',
      '',
      'Hello Joe, do you think we can meet at 3:30 tomorrow?',
      '',
    ].join('\r\n');
    const f = expectWire(
      { name: 'APPEND', mailbox: 'saved-messages', messages: [{ flags: ['\\Seen'], content: message }] },
      `A003 APPEND saved-messages (\\Seen) {310}\r\n${message}\r\n`,
    );
    expect(shape(f)).toEqual(['line', 'literal:sync:310', 'line']);
  });

  test('§6.4.4 SEARCH CHARSET UTF-8 TEXT {6}: 8-bit text as a literal, CHARSET added', () => {
    // "XXXXXX" in the RFC stands for 6 octets of 8-bit data: three 2-byte UTF-8 characters here.
    const f = expectWire(
      { name: 'SEARCH', criteria: [{ key: 'TEXT', value: 'ąćę' }] },
      `A284 SEARCH CHARSET UTF-8 TEXT {6}\r\n${String.fromCharCode(0xc4, 0x85, 0xc4, 0x87, 0xc4, 0x99)}\r\n`,
    );
    expect(shape(f)).toEqual(['line', 'literal:sync:6', 'line']);
    // The same with the charset given, and as bytes.
    expectWire(
      {
        name: 'SEARCH',
        charset: 'UTF-8',
        criteria: [{ key: 'TEXT', value: bytes('\xc4\x85\xc4\x87\xc4\x99') }],
      },
      'A284 SEARCH CHARSET UTF-8 TEXT {6}\r\n\xc4\x85\xc4\x87\xc4\x99\r\n',
    );
  });

  test('§7.5 LOGIN with literals: {11} FRED FOOBAR {7} fat man (the encoder quotes what it can)', () => {
    // The RFC sends literals to show them; the encoder quotes printable values, so a CR forces one.
    const f = enc({ name: 'LOGIN', username: 'FRED\rFOOBAR', password: 'fat\nman' }, { tag: 'A001' });
    expect(wire(f)).toBe('A001 LOGIN {11}\r\nFRED\rFOOBAR {7}\r\nfat\nman\r\n');
    expect(shape(f)).toEqual(['line', 'literal:sync:11', 'line', 'literal:sync:7', 'line']);
    expectWire(
      { name: 'LOGIN', username: 'FRED FOOBAR', password: 'fat man' },
      'A001 LOGIN "FRED FOOBAR" "fat man"\r\n',
    );
  });

  test('§6.2.2 AUTHENTICATE GSSAPI: the client responses are base64 lines', () => {
    const r1 =
      'YIIB+wYJKoZIhvcSAQICAQBuggHqMIIB5qADAgEFoQMCAQ6iBwMFACAAAACjggEmYYIBIjCCAR6gAwIBBaESGxB1Lndhc2hpbmd0' +
      'b24uZWR1oi0wK6ADAgEDoSQwIhsEaW1hcBsac2hpdmFtcy5jYWMud2FzaGluZ3Rvbi5lZHWjgdMwgdCgAwIBAaEDAgEDooHDBIHA' +
      'cS1GSa5b+fXnPZNmXB9SjL8Ollj2SKyb+3S0iXMljen/jNkpJXAleKTz6BQPzj8duz8EtoOuNfKgweViyn/9B9bccy1uuAE2HI0y' +
      'C/PHXNNU9ZrBziJ8Lm0tTNc98kUpjXnHZhsMcz5Mx2GR6dGknbI0iaGcRerMUsWOuBmKKKRmVMMdR9T3EZdpqsBd7jZCNMWotjhi' +
      'vd5zovQlFqQ2Wjc2+y46vKP/iXxWIuQJuDiisyXF0Y8+5GTpALpHDc1/pIGmMIGjoAMCAQGigZsEgZg2on5mSuxoDHEA1w9bcW9n' +
      'FdFxDKpdrQhVGVRDIzcCMCTzvUboqb5KjY1NJKJsfjRQiBYBdENKfzK+g5DlV8nrw81uOcP8NOQCLR5XkoMHC0Dr/80ziQzbNqhx' +
      'O6652Npft0LQwJvenwDI13YxpwOdMXzkWZN/XrEqOWp6GCgXTBvCyLWLlWnbaUkZdEYbKHBPjd8t/1x5Yg==';
    const r3 = 'YDMGCSqGSIb3EgECAgIBAAD/////3LQBHXTpFfZgrejpLlLImPwkhbfa2QteAQAgAG1yYwE=';
    for (const r of [r1, r3]) {
      expect(wire(encodeAuthenticateResponse(bytes(atob(r))))).toBe(`${r}\r\n`);
    }
    // The empty response in between is an empty line.
    expect(wire(encodeAuthenticateResponse(new Uint8Array(0)))).toBe('\r\n');
  });
});
