/**
 * The client session, as scripted byte exchanges with a fake clock: greeting and capabilities,
 * LOGIN, pipelining, synchronising literals (RFC 9051 §4.3, §7.5), LITERAL+ (RFC 7888), SASL
 * (RFC 4959, RFC 4616, RFC 7628, Google XOAUTH2), STARTTLS, ENABLE, SELECT with QRESYNC
 * (RFC 7162), IDLE (RFC 2177), BYE, timeouts and the end of the connection.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/model/command.ts';
import {
  ClientSession,
  type ClientSessionOptions,
  type Completion,
  type SessionEvent,
  SessionStateError,
  transition,
} from '../../src/session/client-session.ts';
import { qresyncParameters } from '../../src/session/snapshot.ts';
import { trackerWith } from './helpers.ts';

const te = new TextEncoder();
const td = new TextDecoder();

/** A session with helpers: `s(text)` feeds server bytes, `c()` takes what the client wrote. */
function harness(opts: ClientSessionOptions = {}, split?: (b: Uint8Array) => Uint8Array[]) {
  const session = new ClientSession({ now: 0, ...opts });
  return {
    session,
    s(text: string, now = 0): void {
      const b = te.encode(text);
      for (const part of split ? split(b) : [b]) session.receive(part, now);
    },
    c(): string {
      let out = '';
      for (let b = session.pollTransmit(); b; b = session.pollTransmit()) out += td.decode(b);
      return out;
    },
    events: (): SessionEvent[] => session.takeEvents(),
    completions: (): Completion[] =>
      session.takeEvents().filter((e): e is Completion => e.type === 'completion'),
  };
}

const GREETING = '* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ENABLE IDLE CONDSTORE QRESYNC] ready\r\n';

/** The main exchange: returns everything observable, for comparison across splits. */
function mainExchange(split?: (b: Uint8Array) => Uint8Array[]) {
  const h = harness({}, split);
  const log: unknown[] = [];
  const step = (what: string) => log.push(what, h.c(), h.events());
  h.s(GREETING);
  step('greeting');
  h.session.send({ name: 'LOGIN', username: 'fred', password: 'secret' }, 1);
  step('login');
  h.s('A1 OK [CAPABILITY IMAP4rev1 LITERAL+ ENABLE IDLE CONDSTORE QRESYNC] logged in\r\n');
  step('logged in');
  h.session.send({ name: 'ENABLE', capabilities: ['QRESYNC'] }, 2);
  h.s('* ENABLED QRESYNC\r\nA2 OK enabled\r\n');
  step('enable');
  const q = qresyncParameters(trackerWith([1, 2, 3, 5], { uidValidity: 7, modseq: 100n }).snapshot());
  h.session.send({ name: 'SELECT', mailbox: 'INBOX', ...(q && { qresync: q }) }, 3);
  h.session.send({ name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }] }, 3);
  h.session.send(
    { name: 'STORE', uid: true, sequence: '1', operation: 'add', flags: ['\\Seen'] } as Command,
    3,
  );
  step('select queued');
  h.s(
    '* 4 EXISTS\r\n* OK [UIDVALIDITY 7] ok\r\n* VANISHED (EARLIER) 3\r\n* 3 FETCH (UID 5 FLAGS () MODSEQ (101))\r\nA3 OK [READ-WRITE] selected\r\n',
  );
  step('selected');
  h.s(
    '* 1 FETCH (UID 1 FLAGS ())\r\n* 2 EXPUNGE\r\nA4 OK fetched\r\n* 1 FETCH (FLAGS (\\Seen))\r\nA5 OK stored\r\n',
  );
  step('fetched');
  h.session.idle(4);
  step('idle sent');
  h.s('+ idling\r\n* 5 EXISTS\r\n* 5 FETCH (UID 9 FLAGS ())\r\n');
  step('pushes');
  h.session.done(5);
  step('done');
  h.s('A6 OK idle done\r\n');
  h.session.send({ name: 'LOGOUT' }, 6);
  step('logout');
  h.s('* BYE bye\r\nA7 OK logged out\r\n');
  h.session.closed(7);
  step('closed');
  return log;
}

/** Every server chunk split at `k` (and at the end when shorter). */
const splitAt = (k: number) => (b: Uint8Array) =>
  k <= 0 || k >= b.length ? [b] : [b.subarray(0, k), b.subarray(k)];
const bytewise = (b: Uint8Array) => Array.from(b, (_, i) => b.subarray(i, i + 1));

describe('the main exchange', () => {
  it('greeting, LOGIN, ENABLE, SELECT with QRESYNC, pipelined FETCH and STORE, IDLE, LOGOUT', () => {
    const log = mainExchange();
    const at = (name: string) => log.indexOf(name);
    expect(log[at('greeting') + 1]).toBe('');
    expect(log[at('greeting') + 2]).toEqual([
      { type: 'greeting', response: expect.objectContaining({ kind: 'ok' }) },
      {
        type: 'capabilities',
        capabilities: ['IMAP4REV1', 'SASL-IR', 'LITERAL+', 'ENABLE', 'IDLE', 'CONDSTORE', 'QRESYNC'],
      },
      { type: 'state', from: 'greeting', to: 'not-authenticated' },
    ]);
    expect(log[at('login') + 1]).toBe('A1 LOGIN fred secret\r\n');
    // The OK carried capabilities: no CAPABILITY is asked.
    expect(log[at('logged in') + 1]).toBe('');
    expect(log[at('logged in') + 2]).toEqual([
      expect.objectContaining({ type: 'capabilities' }),
      expect.objectContaining({ type: 'completion', id: 1, tag: 'A1', status: 'OK', untagged: [] }),
      { type: 'state', from: 'not-authenticated', to: 'authenticated' },
    ]);
    expect(log[at('enable') + 2]).toEqual([
      { type: 'enabled', capabilities: ['QRESYNC'] },
      expect.objectContaining({ type: 'completion', tag: 'A2', command: 'ENABLE', status: 'OK' }),
    ]);
    // SELECT changes the state: FETCH and STORE wait for its completion, then go together.
    expect(log[at('select queued') + 1]).toBe('A3 SELECT INBOX (QRESYNC (7 100 1:3,5))\r\n');
    expect(log[at('selected') + 1]).toBe('A4 UID FETCH 1:* (FLAGS)\r\nA5 UID STORE 1 +FLAGS (\\Seen)\r\n');
    const selected = log[at('selected') + 2] as SessionEvent[];
    expect(selected[0]).toMatchObject({
      type: 'completion',
      tag: 'A3',
      status: 'OK',
      code: { name: 'READ-WRITE' },
    });
    expect((selected[0] as Completion).untagged.map((r) => r.kind)).toEqual([
      'exists',
      'ok',
      'vanished',
      'fetch',
    ]);
    expect(selected[1]).toEqual({ type: 'state', from: 'authenticated', to: 'selected' });
    const fetched = log[at('fetched') + 2] as SessionEvent[];
    expect(fetched.map((e) => e.type)).toEqual(['untagged', 'completion', 'completion']);
    expect(fetched[0]).toMatchObject({ response: { kind: 'expunge', seq: 2 } });
    expect(fetched[1]).toMatchObject({ tag: 'A4', untagged: [{ kind: 'fetch', seq: 1 }] });
    // The first FETCH in flight takes the FETCH responses (STORE's come after A4's OK).
    expect(fetched[2]).toMatchObject({ tag: 'A5', untagged: [{ kind: 'fetch', seq: 1 }] });
    expect(log[at('idle sent') + 1]).toBe('A6 IDLE\r\n');
    expect(log[at('pushes') + 2]).toEqual([
      { type: 'state', from: 'selected', to: 'idle' },
      { type: 'untagged', response: { type: 'untagged', kind: 'exists', count: 5 } },
      { type: 'untagged', response: expect.objectContaining({ kind: 'fetch', seq: 5 }) },
    ]);
    expect(log[at('done') + 1]).toBe('DONE\r\n');
    expect(log[at('logout') + 1]).toBe('A7 LOGOUT\r\n');
    const closed = log[at('closed') + 2] as SessionEvent[];
    expect(closed.map((e) => e.type)).toEqual(['bye', 'completion', 'state', 'closed']);
    expect(closed[1]).toMatchObject({ tag: 'A7', status: 'OK', untagged: [{ kind: 'bye' }] });
  });

  it('gives the same result with the server bytes split at every position, and one byte at a time', () => {
    const whole = mainExchange();
    expect(mainExchange(bytewise)).toEqual(whole);
    for (let k = 1; k < 200; k++) expect(mainExchange(splitAt(k))).toEqual(whole);
  });
});

describe('greeting and capabilities', () => {
  it('asks CAPABILITY when the greeting has none, and after a LOGIN whose OK has none', () => {
    const h = harness();
    h.s('* OK hello\r\n');
    expect(h.c()).toBe('A1 CAPABILITY\r\n');
    h.session.send({ name: 'LOGIN', username: 'a', password: 'b' }, 0);
    expect(h.c()).toBe('');
    h.s('* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA1 OK done\r\n');
    expect(h.c()).toBe('A2 LOGIN a b\r\n');
    expect(h.session.hasCapability('auth=plain')).toBe(true);
    h.s('A2 OK welcome\r\n');
    expect(h.session.capabilities).toEqual([]);
    expect(h.c()).toBe('A3 CAPABILITY\r\n');
    h.s('* CAPABILITY IMAP4rev1 IDLE\r\nA3 OK\r\n');
    expect(h.session.capabilities).toEqual(['IMAP4REV1', 'IDLE']);
    expect(h.session.state).toBe('authenticated');
  });

  it('PREAUTH starts authenticated; BYE as greeting ends the session', () => {
    const a = harness();
    a.s('* PREAUTH [CAPABILITY IMAP4rev1] hi\r\n');
    expect(a.session.state).toBe('authenticated');
    const b = harness();
    b.s('* BYE too busy\r\n');
    expect(b.session.state).toBe('logout');
    expect(b.events().map((e) => e.type)).toContain('bye');
    expect(() => b.session.send({ name: 'NOOP' }, 0)).toThrow(SessionStateError);
  });

  it('STARTTLS: nothing is written until TLS is up, then the capabilities are asked again', () => {
    const h = harness();
    h.s('* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] hi\r\n');
    h.session.send({ name: 'STARTTLS' }, 0);
    h.session.send({ name: 'LOGIN', username: 'u', password: 'p' }, 0);
    expect(h.c()).toBe('A1 STARTTLS\r\n');
    h.s('A1 OK begin TLS\r\n');
    expect(h.c()).toBe('');
    h.events();
    h.session.tlsEstablished(0);
    expect(h.events()).toEqual([{ type: 'capabilities', capabilities: [] }]);
    expect(h.c()).toBe('A3 CAPABILITY\r\n');
    h.s('* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\nA3 OK\r\n');
    expect(h.c()).toBe('A2 LOGIN u p\r\n');
  });

  it('illegal sends throw; a queued command refused when an earlier LOGIN fails', () => {
    const h = harness();
    expect(() => h.session.send({ name: 'NOOP' }, 0)).toThrow(SessionStateError);
    h.s(GREETING);
    expect(() => h.session.send({ name: 'SELECT', mailbox: 'INBOX' }, 0)).toThrow(
      /cannot be sent in state not-authenticated/,
    );
    h.session.send({ name: 'LOGIN', username: 'u', password: 'bad' }, 0);
    h.session.send({ name: 'SELECT', mailbox: 'INBOX' }, 0);
    expect(h.c()).toBe('A1 LOGIN u bad\r\n');
    h.events();
    h.s('A1 NO [AUTHENTICATIONFAILED] no\r\n');
    expect(h.c()).toBe('');
    expect(h.completions().map((c) => [c.tag, c.status])).toEqual([
      ['A1', 'NO'],
      ['A2', 'REFUSED'],
    ]);
    expect(h.session.state).toBe('not-authenticated');
    expect(() => h.session.done(0)).toThrow(SessionStateError);
  });

  it('the transition table', () => {
    expect(transition('selected', { on: 'complete', command: 'SELECT', status: 'NO' })).toBe('authenticated');
    expect(transition('authenticated', { on: 'complete', command: 'SELECT', status: 'NO' })).toBe(
      'authenticated',
    );
    expect(transition('selected', { on: 'complete', command: 'CLOSE', status: 'OK' })).toBe('authenticated');
    expect(transition('idle', { on: 'complete', command: 'IDLE', status: 'OK' }, 'authenticated')).toBe(
      'authenticated',
    );
    expect(transition('closed', { on: 'greeting', kind: 'ok' })).toBe('closed');
  });
});

describe('literals', () => {
  const literalLogin: Command = { name: 'LOGIN', username: 'fred', password: 'a\r\nb' };

  it('a synchronising literal waits for "+", and pipelined commands wait behind it', () => {
    const h = harness();
    h.s('* OK [CAPABILITY IMAP4rev1] hi\r\n');
    h.session.send({ name: 'LOGIN', username: 'fred', password: 'x' }, 0);
    h.s('A1 OK [CAPABILITY IMAP4rev1] in\r\n');
    h.session.send({ name: 'SELECT', mailbox: 'INBOX' }, 0);
    h.s('A2 OK [READ-WRITE] sel\r\n');
    h.c();
    h.events();
    h.session.send({ name: 'APPEND', mailbox: 'INBOX', messages: [{ content: te.encode('Hi\r\n') }] }, 0);
    h.session.send({ name: 'NOOP' }, 0);
    expect(h.c()).toBe('A3 APPEND INBOX {4}\r\n');
    h.s('+ go ahead\r\n');
    expect(h.c()).toBe('Hi\r\n\r\nA4 NOOP\r\n');
    h.s('A3 OK [APPENDUID 1 9] appended\r\nA4 OK\r\n');
    expect(h.completions().map((c) => c.status)).toEqual(['OK', 'OK']);
  });

  it('a NO instead of "+" fails that command, sends nothing more of it, and the next goes', () => {
    const h = harness();
    h.s('* OK [CAPABILITY IMAP4rev1] hi\r\n');
    h.session.send(literalLogin, 0);
    h.session.send({ name: 'NOOP' }, 0);
    expect(h.c()).toBe('A1 LOGIN fred {4}\r\n');
    h.events();
    h.s('A1 NO too long\r\n');
    expect(h.c()).toBe('A2 NOOP\r\n');
    expect(h.completions()).toMatchObject([{ tag: 'A1', status: 'NO', text: 'too long' }]);
    h.s('+ stray\r\n');
    expect(h.events()).toMatchObject([
      { type: 'protocol-error', message: 'a continuation nobody waits for' },
    ]);
  });

  it('LITERAL+ makes literals non-synchronising: all in one write', () => {
    const h = harness();
    h.s(GREETING);
    h.session.send(literalLogin, 0);
    expect(h.c()).toBe('A1 LOGIN fred {4+}\r\na\r\nb\r\n');
  });
});

describe('pipelining', () => {
  function selected(caps = 'IMAP4rev1') {
    const h = harness();
    h.s(`* PREAUTH [CAPABILITY ${caps}] hi\r\n`);
    h.session.send({ name: 'SELECT', mailbox: 'INBOX' }, 0);
    h.s('A1 OK sel\r\n');
    h.c();
    h.events();
    return h;
  }

  it('FETCH, STORE and SEARCH by sequence number go together (no EXPUNGE while they run)', () => {
    const h = selected();
    h.session.send({ name: 'FETCH', sequence: '1:3', items: [{ item: 'UID' }] }, 0);
    h.session.send({ name: 'STORE', sequence: '2', operation: 'add', flags: ['\\Seen'] } as Command, 0);
    h.session.send({ name: 'SEARCH', criteria: [{ key: 'ALL' }] } as Command, 0);
    expect(h.c()).toBe('A2 FETCH 1:3 (UID)\r\nA3 STORE 2 +FLAGS (\\Seen)\r\nA4 SEARCH ALL\r\n');
  });

  it('a command with sequence numbers waits for a UID command or NOOP in flight (RFC 9051 §5.5)', () => {
    const h = selected();
    h.session.send({ name: 'FETCH', uid: true, sequence: '1:*', items: [{ item: 'FLAGS' }] }, 0);
    h.session.send({ name: 'NOOP' }, 0);
    h.session.send({ name: 'FETCH', sequence: '1', items: [{ item: 'UID' }] }, 0);
    h.session.send({ name: 'FETCH', uid: true, sequence: '5', items: [{ item: 'UID' }] }, 0);
    expect(h.c()).toBe('A2 UID FETCH 1:* (FLAGS)\r\nA3 NOOP\r\n');
    h.s('* 3 EXPUNGE\r\nA2 OK\r\n');
    expect(h.c()).toBe('');
    h.s('A3 OK\r\n');
    expect(h.c()).toBe('A4 FETCH 1 (UID)\r\nA5 UID FETCH 5 (UID)\r\n');
  });

  it('ENABLE UTF8=ACCEPT: a command queued behind it is encoded for UTF-8 (RFC 6855 §3)', () => {
    const h = selected('IMAP4rev1 ENABLE UTF8=ACCEPT');
    h.session.send({ name: 'ENABLE', capabilities: ['UTF8=ACCEPT'] }, 0);
    h.session.send({ name: 'STATUS', mailbox: 'Entwürfe', items: ['MESSAGES'] }, 0);
    expect(h.c()).toBe('A2 ENABLE UTF8=ACCEPT\r\n');
    h.s('* ENABLED UTF8=ACCEPT\r\nA2 OK\r\n');
    expect(h.c()).toBe('A3 STATUS "Entwürfe" (MESSAGES)\r\n');
    expect([...h.session.enabled]).toEqual(['UTF8=ACCEPT']);
  });

  it('an ESEARCH goes to the command its TAG names', () => {
    const h = selected();
    h.session.send({ name: 'SEARCH', uid: true, criteria: [{ key: 'ALL' }] } as Command, 0);
    h.session.send({ name: 'SEARCH', uid: true, criteria: [{ key: 'SEEN' }] } as Command, 0);
    h.c();
    h.s('* ESEARCH (TAG "A3") UID COUNT 1\r\n* ESEARCH (TAG "A2") UID COUNT 2\r\nA2 OK\r\nA3 OK\r\n');
    const [a2, a3] = h.completions();
    expect(a2).toMatchObject({ tag: 'A2', untagged: [{ kind: 'esearch', count: 2 }] });
    expect(a3).toMatchObject({ tag: 'A3', untagged: [{ kind: 'esearch', count: 1 }] });
  });

  it('LITERAL-: non-synchronising up to 4096 bytes, synchronising above (RFC 7888 §4)', () => {
    const h = selected('IMAP4rev1 LITERAL-');
    const small = new Uint8Array(4096).fill(0x61);
    const big = new Uint8Array(4097).fill(0x61);
    h.session.send({ name: 'APPEND', mailbox: 'INBOX', messages: [{ content: small }] }, 0);
    expect(h.c().startsWith('A2 APPEND INBOX {4096+}\r\naaa')).toBe(true);
    h.session.send({ name: 'APPEND', mailbox: 'INBOX', messages: [{ content: big }] }, 0);
    expect(h.c()).toBe('A3 APPEND INBOX {4097}\r\n');
    h.s('+ go\r\n');
    expect(h.c()).toHaveLength(4099);
  });
});

describe('SASL', () => {
  const plain = { mechanism: 'PLAIN', username: 'tim', password: 'tanstaaftanstaaf' } as const;

  it('PLAIN with SASL-IR: the credentials in the command', () => {
    const h = harness();
    h.s('* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi\r\n');
    h.session.authenticate(plain, 0);
    expect(h.c()).toBe('A1 AUTHENTICATE PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n');
    h.s('A1 OK [CAPABILITY IMAP4rev1 IDLE] ok\r\n');
    expect(h.session.state).toBe('authenticated');
    expect(h.session.capabilities).toEqual(['IMAP4REV1', 'IDLE']);
  });

  it('PLAIN without SASL-IR: the credentials after "+"; a second challenge is cancelled', () => {
    const h = harness();
    h.s('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n');
    h.session.authenticate(plain, 0);
    expect(h.c()).toBe('A1 AUTHENTICATE PLAIN\r\n');
    h.s('+ \r\n');
    expect(h.c()).toBe('AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n');
    h.s('+ more?\r\n');
    expect(h.c()).toBe('*\r\n');
    h.events();
    h.s('A1 BAD cancelled\r\n');
    expect(h.completions()).toMatchObject([{ tag: 'A1', status: 'BAD' }]);
    expect(h.session.state).toBe('not-authenticated');
  });

  it('XOAUTH2 error continuation: an empty response, then the NO with the decoded error', () => {
    const h = harness();
    h.s('* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] hi\r\n');
    h.session.authenticate({ mechanism: 'XOAUTH2', username: 'me@x.org', accessToken: 'tok' }, 0);
    expect(h.c()).toBe(
      `A1 AUTHENTICATE XOAUTH2 ${btoa('user=me@x.org\u0001auth=Bearer tok\u0001\u0001')}\r\n`,
    );
    const err = '{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}';
    h.s(`+ ${btoa(err)}\r\n`);
    expect(h.c()).toBe('\r\n');
    h.events();
    h.s('A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n');
    expect(h.completions()).toMatchObject([{ tag: 'A1', status: 'NO', saslError: err }]);
  });

  it('OAUTHBEARER: the GS2 header, and %x01 after an error (RFC 7628 §3.2.3)', () => {
    const h = harness();
    h.s('* OK [CAPABILITY IMAP4rev1 AUTH=OAUTHBEARER] hi\r\n');
    h.session.authenticate(
      { mechanism: 'OAUTHBEARER', username: 'a,b=c', accessToken: 't', host: 'h', port: 993 },
      0,
    );
    expect(h.c()).toBe('A1 AUTHENTICATE OAUTHBEARER\r\n');
    h.s('+ \r\n');
    expect(atob(h.c().trim())).toBe(
      'n,a=a=2Cb=3Dc,\u0001host=h\u0001port=993\u0001auth=Bearer t\u0001\u0001',
    );
    h.s(`+ ${btoa('{"status":"invalid_token"}')}\r\n`);
    expect(h.c()).toBe('AQ==\r\n');
  });
});

describe('IDLE', () => {
  function selected() {
    const h = harness();
    h.s('* PREAUTH [CAPABILITY IMAP4rev1 IDLE] hi\r\n');
    h.session.send({ name: 'SELECT', mailbox: 'INBOX' }, 0);
    h.s('A1 OK sel\r\n');
    h.c();
    h.events();
    return h;
  }

  it('DONE asked before "+" goes right after it; nothing else may be sent while idling', () => {
    const h = selected();
    h.session.idle(0);
    expect(() => h.session.send({ name: 'NOOP' }, 0)).toThrow(SessionStateError);
    h.session.done(0);
    expect(h.c()).toBe('A2 IDLE\r\n');
    h.session.send({ name: 'NOOP' }, 0);
    h.s('+ idling\r\n');
    expect(h.c()).toBe('DONE\r\n');
    h.s('A2 OK done\r\nA3 OK\r\n');
    expect(h.c()).toBe('A3 NOOP\r\n');
    h.s('A3 OK\r\n');
    expect(h.session.state).toBe('selected');
  });

  it('IDLE has no timeout; DONE does', () => {
    const h = selected();
    h.session.idle(0);
    h.s('+ idling\r\n');
    expect(h.session.pollTimeout()).toBe(null);
    h.session.done(1000);
    expect(h.session.pollTimeout()).toBe(61_000);
  });

  it('NOTIFY SET and NONE (RFC 5465)', () => {
    const h = selected();
    h.session.send(
      { name: 'NOTIFY', groups: [{ filter: 'selected', events: ['MessageNew'] }] } as Command,
      0,
    );
    h.session.send({ name: 'NOTIFY', groups: null }, 0);
    expect(h.c()).toBe('A2 NOTIFY SET (selected (MessageNew))\r\nA3 NOTIFY NONE\r\n');
  });
});

describe('the end of the connection', () => {
  it('a command unanswered past its timeout fails, and the session closes', () => {
    const h = harness({ commandTimeout: 5000 });
    h.s(GREETING);
    h.session.send({ name: 'NOOP' }, 100);
    h.session.send({ name: 'NOOP' }, 200, { timeout: 1000 });
    expect(h.session.pollTimeout()).toBe(1200);
    h.session.tick(1199);
    expect(h.session.state).toBe('not-authenticated');
    h.events();
    h.session.tick(1200);
    expect(h.events()).toEqual([
      { type: 'timeout', id: 2, tag: 'A2' },
      expect.objectContaining({ type: 'completion', tag: 'A2', status: 'TIMEOUT' }),
      expect.objectContaining({ type: 'completion', tag: 'A1', status: 'CLOSED' }),
      { type: 'state', from: 'not-authenticated', to: 'closed' },
      { type: 'closed' },
    ]);
    expect(h.session.pollTimeout()).toBe(null);
  });

  it('a "+" that never comes times out the literal and fails what waits behind it', () => {
    const h = harness({ commandTimeout: 100, capabilities: ['imap4rev1'] });
    expect(h.session.hasCapability('IMAP4rev1')).toBe(true);
    h.s('* OK [CAPABILITY IMAP4rev1] hi\r\n');
    h.session.send({ name: 'LOGIN', username: 'fred', password: 'a\r\nb' }, 10);
    h.session.send({ name: 'NOOP' }, 20);
    expect(h.c()).toBe('A1 LOGIN fred {4}\r\n');
    expect(h.session.pollTimeout()).toBe(110);
    h.events();
    h.session.tick(110);
    expect(h.completions().map((c) => [c.tag, c.status])).toEqual([
      ['A1', 'TIMEOUT'],
      ['A2', 'CLOSED'],
    ]);
    expect(h.c()).toBe('');
  });

  it('a greeting that never comes times out', () => {
    const h = harness({ now: 10, greetingTimeout: 100 });
    expect(h.session.pollTimeout()).toBe(110);
    h.session.tick(110);
    expect(h.session.state).toBe('closed');
  });

  it('closed() fails pending commands; BYE is an event first', () => {
    const h = harness();
    h.s(GREETING);
    h.session.send({ name: 'NOOP' }, 0);
    h.events();
    h.s('* BYE shutting down\r\n');
    expect(h.session.state).toBe('logout');
    h.session.closed(0);
    expect(h.events().map((e) => (e.type === 'completion' ? e.status : e.type))).toEqual([
      'bye',
      'state',
      'CLOSED',
      'state',
      'closed',
    ]);
  });

  it('a tag nobody sent is a protocol error, not a crash; a truncated response too', () => {
    const h = harness();
    h.s(GREETING);
    h.events();
    h.s('Z9 OK what\r\n* 3 EXI');
    expect(h.events()).toMatchObject([
      { type: 'protocol-error', message: 'a tagged response for Z9, a tag nobody sent' },
    ]);
    h.session.closed(0);
    expect(h.events()[0]).toMatchObject({ type: 'protocol-error', message: /^TRUNCATED/ });
  });
});

describe('the log hook', () => {
  function logged(caps: string, run: (h: ReturnType<typeof harness>) => void): string {
    const lines: string[] = [];
    const h = harness({ log: (d, b) => lines.push(`${d}: ${td.decode(b)}`) });
    h.s(`* OK [CAPABILITY ${['IMAP4rev1', caps].filter(Boolean).join(' ')}] hi\r\n`);
    run(h);
    return lines.join('');
  }

  it('redacts LOGIN passwords (atom, quoted, literal)', () => {
    const log = logged('', (h) => {
      h.session.send({ name: 'LOGIN', username: 'fred', password: 'secret' }, 0);
      h.s('A1 NO\r\n');
      h.session.send({ name: 'LOGIN', username: 'fred smith', password: 'se cret' }, 0);
      h.s('A2 NO\r\n');
      h.session.send({ name: 'LOGIN', username: 'fred', password: 'se\r\ncret' }, 0);
      h.s('+ ok\r\n');
    });
    expect(log).not.toMatch(/cret/);
    expect(log).toContain('C: A1 LOGIN fred <redacted>\r\n');
    expect(log).toContain('C: A2 LOGIN "fred smith" <redacted>\r\n');
    expect(log).toContain('C: A3 LOGIN fred <redacted>\r\n');
  });

  it('redacts AUTHENTICATE responses', () => {
    const log = logged('SASL-IR', (h) => {
      h.session.authenticate({ mechanism: 'PLAIN', username: 'tim', password: 'pw' }, 0);
    });
    expect(log).toContain('C: A1 AUTHENTICATE PLAIN <redacted>\r\n');
    const log2 = logged('', (h) => {
      h.session.authenticate({ mechanism: 'PLAIN', username: 'tim', password: 'pw' }, 0);
      h.s('+ \r\n');
    });
    expect(log2).toContain('C: A1 AUTHENTICATE PLAIN\r\n');
    expect(log2).toContain('C: <redacted>\r\n');
    expect(log2).not.toContain(btoa('\u0000tim\u0000pw'));
  });
});
