/** `imap-wire watch`: arguments, where the password comes from, and the lines it prints. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/cli/decode.ts';
import { formatWatchJson, formatWatchLine, parseWatchArgs } from '../src/cli/watch-format.ts';
import { parseResponse } from '../src/decoder.ts';
import { summaryOf } from '../src/session/new-mail.ts';

const noFile = (p: string): string => {
  throw new Error(`read ${p}`);
};

describe('watch arguments', () => {
  it('defaults: port 143, INBOX, the password from IMAP_WIRE_PASSWORD', () => {
    expect(parseWatchArgs(['--host', 'h', '--user', 'u'], { IMAP_WIRE_PASSWORD: 'pw' }, noFile)).toEqual({
      host: 'h',
      port: 143,
      tls: false,
      starttls: false,
      insecure: false,
      user: 'u',
      password: 'pw',
      mailboxes: ['INBOX'],
      compress: false,
      json: false,
      debug: false,
    });
  });

  it('--tls means port 993; mailboxes repeat; the password file wins, first line only', () => {
    const a = parseWatchArgs(
      [
        '--host',
        'h',
        '--tls',
        '--user',
        'u',
        '--mailbox',
        'A',
        '--mailbox',
        'B',
        '--password-file',
        '/p',
        '--json',
      ],
      { IMAP_WIRE_PASSWORD: 'env' },
      (p) => (p === '/p' ? 'from-file\nsecond line\n' : ''),
    );
    expect(a).toMatchObject({
      port: 993,
      tls: true,
      mailboxes: ['A', 'B'],
      password: 'from-file',
      json: true,
    });
  });

  it('refuses a password in argv, and says where to put it', () => {
    for (const argv of [
      ['--host', 'h', '--user', 'u', '--password', 'x'],
      ['--host', 'h', '--user', 'u', '--password=x'],
    ]) {
      expect(() => parseWatchArgs(argv, {}, noFile)).toThrow(
        new UsageError('no --password: use --password-file F or IMAP_WIRE_PASSWORD'),
      );
    }
  });

  it('usage errors: no host, no user, no password, both TLS modes, a bad port, a missing value', () => {
    const env = { IMAP_WIRE_PASSWORD: 'p' };
    const cases: [string[], Record<string, string>, string][] = [
      [['--user', 'u'], env, '--host is required'],
      [['--host', 'h'], env, '--user is required'],
      [['--host', 'h', '--user', 'u'], {}, 'no password: use --password-file F or IMAP_WIRE_PASSWORD'],
      [['--host', 'h', '--user', 'u', '--tls', '--starttls'], env, '--tls and --starttls exclude each other'],
      [['--host', 'h', '--user', 'u', '--port', '70000'], env, '--port must be 1 to 65535'],
      [['--host', '--user', 'u'], env, '--host needs a value'],
      [['--host', 'h', '--user', 'u', '--nope'], env, 'unknown option --nope'],
    ];
    for (const [argv, e, msg] of cases)
      expect(() => parseWatchArgs(argv, e, noFile)).toThrow(new UsageError(msg));
  });
});

describe('watch lines', () => {
  const t = new Date('2026-12-07T10:00:00.123Z');
  const fetch = parseResponse(
    new TextEncoder().encode(
      '* 1 FETCH (UID 42 FLAGS () RFC822.SIZE 1200 ENVELOPE ("Mon, 7 Dec 2026 10:00:00 +0000" "=?utf-8?q?Gr=C3=BC=C3=9Fe?=" (("Alice" NIL "alice" "example.org")) NIL NIL NIL NIL NIL NIL "<x@y>") PREVIEW "See you at  noon")\r\n',
    ),
  );
  const summary =
    fetch.type === 'untagged' && fetch.kind === 'fetch' ? summaryOf(fetch.attributes)! : undefined;

  it('new mail: sender, subject (decoded) and preview; the new event itself is not repeated', () => {
    expect(formatWatchLine({ type: 'message', mailbox: 'INBOX', uid: 42, summary: summary! }, t)).toBe(
      '2026-12-07T10:00:00Z INBOX new #42 from Alice <alice@example.org>: "Grüße" — See you at noon',
    );
    expect(formatWatchLine({ type: 'new', mailbox: 'INBOX', uid: 42, seq: 1 }, t)).toBeNull();
    expect(formatWatchLine({ type: 'new', mailbox: 'INBOX', uid: 42, seq: 1 }, t, true)).toBe(
      '2026-12-07T10:00:00Z INBOX new #42',
    );
  });

  it('the other events', () => {
    const lines = [
      formatWatchLine({ type: 'expunge', mailbox: 'INBOX', uid: 7, seq: 3 }, t),
      formatWatchLine({ type: 'flags', mailbox: 'INBOX', uid: 7, seq: 3, flags: ['\\Seen'] }, t),
      formatWatchLine({ type: 'disconnected', reason: 'the connection ended', retryIn: 1500 }, t),
      formatWatchLine({ type: 'error', message: 'authentication failed: NO bad', fatal: true }, t),
      formatWatchLine(
        { type: 'mailbox', change: 'status', mailbox: 'Lists', status: { messages: 3, unseen: 1 } },
        t,
      ),
    ];
    expect(lines).toEqual([
      '2026-12-07T10:00:00Z INBOX expunged #7',
      '2026-12-07T10:00:00Z INBOX flags #7 (\\Seen)',
      '2026-12-07T10:00:00Z - disconnected: the connection ended; retrying in 1.5 s',
      '2026-12-07T10:00:00Z - fatal: authentication failed: NO bad',
      '2026-12-07T10:00:00Z Lists status: 3 messages, 1 unseen',
    ]);
  });

  it('JSON Lines: the event with its time, bigints as strings', () => {
    expect(
      JSON.parse(
        formatWatchJson({ type: 'flags', mailbox: 'INBOX', uid: 7, seq: 3, flags: [], modseq: 2n ** 60n }, t),
      ),
    ).toEqual({
      time: '2026-12-07T10:00:00.123Z',
      type: 'flags',
      mailbox: 'INBOX',
      uid: 7,
      seq: 3,
      flags: [],
      modseq: '1152921504606846976',
    });
  });
});
