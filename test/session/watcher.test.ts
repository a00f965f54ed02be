/**
 * The Watcher (issue #19) against the mini server with a fake clock: login, sync, push by IDLE,
 * NOTIFY or polling, the new-mail fetch, IDLE renewal and the liveness probe, reconnect with
 * backoff and a resync by each strategy, fatal errors and stop.
 */
import { describe, expect, it } from 'vitest';
import type { WatcherOptions } from '../../src/session/watch-events.ts';
import { Watcher } from '../../src/session/watcher.ts';
import { type Capabilities, Store } from './mini-server.ts';
import { WatchLoop } from './watch-loop.ts';

const login = { username: 'alice', password: 'secret' };

function start(
  caps: Capabilities,
  options: Partial<WatcherOptions> = {},
  seed?: (s: Store) => void,
): WatchLoop {
  const store = new Store();
  seed?.(store);
  const w = new Watcher({ login, random: () => 0, ...options });
  const loop = new WatchLoop(w, store, caps);
  loop.advance(0);
  return loop;
}

describe('Watcher: first connection', () => {
  it('logs in, syncs in full, reports ready and IDLEs', () => {
    const loop = start({ idle: true }, {}, (s) => {
      s.append(['\\Seen']);
      s.append();
    });
    expect(loop.events.map((e) => e.type)).toEqual(['connecting', 'connected', 'synced', 'ready']);
    expect(loop.of('ready')[0]).toMatchObject({
      mailbox: 'INBOX',
      push: 'idle',
      strategy: 'full',
      exists: 2,
    });
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'FETCH', 'IDLE']);
    expect(loop.w.mailbox.snapshot().uids).toEqual(new Uint32Array([1, 2]));
  });

  it('enables QRESYNC where offered and selects with CONDSTORE where only that is offered', () => {
    const q = start({ idle: true, qresync: true, condstore: true });
    expect(q.commands).toEqual(['LOGIN', 'ENABLE', 'SELECT', 'IDLE']);
    const c = start({ idle: true, condstore: true }, {}, (s) => s.append());
    expect(c.commands).toEqual(['LOGIN', 'SELECT', 'FETCH', 'IDLE']);
    expect(c.w.mailbox.highestModseq).toBe(c.store.modseq);
  });

  it('a wrong password is fatal: error, stopped, finished, no retry', () => {
    const loop = start({ idle: true }, { login: { username: 'alice', password: 'nope' } });
    expect(loop.of('error')).toEqual([
      { type: 'error', message: 'authentication failed: NO bad', fatal: true },
    ]);
    expect(loop.events.at(-1)).toEqual({ type: 'stopped' });
    expect(loop.finished).toBe(true);
    loop.advance(3_600_000);
    expect(loop.of('connecting')).toHaveLength(1);
  });

  it('STARTTLS asked of a server without it is fatal before any credential is sent', () => {
    const loop = start({ idle: true }, { starttls: true });
    expect(loop.of('error')[0]).toMatchObject({ message: 'the server does not offer STARTTLS', fatal: true });
    expect(loop.connections[0]!.commands).toEqual([]);
  });
});

describe('Watcher: push by IDLE', () => {
  it('new mail: DONE, one FETCH of the new sequence numbers with the summary items, a text preview, IDLE again', () => {
    const loop = start({ idle: true });
    loop.store.append(['$Junk']);
    loop.advance(0);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'IDLE', 'FETCH', 'FETCH', 'IDLE']);
    expect(loop.of('new')).toEqual([{ type: 'new', uid: 1, seq: 1, flags: ['$Junk'], mailbox: 'INBOX' }]);
    const [m] = loop.of('message');
    expect(m!.uid).toBe(1);
    expect(m!.summary.envelope?.subject).toBe('Message 1');
    expect(m!.summary.size).toBe(loop.store.messages[0]!.body.length + 100);
    expect(m!.summary.preview).toBe('Hello 1, this is the text of message 1.');
    expect(m!.summary.previewSource).toBe('text');
  });

  it('with PREVIEW the summary FETCH carries it: no text fetch', () => {
    const loop = start({ idle: true, preview: true });
    loop.store.append();
    loop.advance(0);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'IDLE', 'FETCH', 'IDLE']);
    expect(loop.of('message')[0]!.summary).toMatchObject({
      preview: 'Hello 1, this is the text of message 1.',
      previewSource: 'server',
    });
  });

  it('fetchNew none: the FETCH asks UID and FLAGS only', () => {
    const loop = start({ idle: true }, { fetchNew: 'none' });
    loop.store.append();
    loop.advance(0);
    expect(loop.of('new')).toHaveLength(1);
    expect(loop.of('message')).toHaveLength(0);
  });

  it('expunges and flag changes while idling are reported with their UIDs, without leaving IDLE', () => {
    const loop = start({ idle: true }, {}, (s) => {
      for (let i = 0; i < 5; i++) s.append();
    });
    loop.store.expunge(2);
    loop.store.setFlags(4, ['\\Seen']);
    loop.store.expunge(5);
    loop.advance(0);
    expect(loop.of('expunge', 'flags')).toEqual([
      { type: 'expunge', uid: 2, seq: 2, mailbox: 'INBOX' },
      { type: 'flags', uid: 4, seq: 3, flags: ['\\Seen'], mailbox: 'INBOX' },
      { type: 'expunge', uid: 5, seq: 4, mailbox: 'INBOX' },
    ]);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'FETCH', 'IDLE']);
  });

  it('renews IDLE every idleRestart (29 minutes by default)', () => {
    const loop = start({ idle: true }, { probeAfter: 3_600_000 });
    loop.advance(29 * 60_000 - 1);
    expect(loop.commands.filter((c) => c === 'IDLE')).toHaveLength(1);
    loop.advance(1);
    expect(loop.commands.filter((c) => c === 'IDLE')).toHaveLength(2);
    loop.advance(29 * 60_000);
    expect(loop.commands.filter((c) => c === 'IDLE')).toHaveLength(3);
    expect(loop.of('disconnected')).toHaveLength(0);
  });

  it('probes a quiet connection: DONE, NOOP, IDLE', () => {
    const loop = start({ idle: true }, { probeAfter: 120_000 });
    loop.advance(120_000);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'IDLE', 'NOOP', 'IDLE']);
  });

  it('a dead connection is found by the probe, replaced after the backoff delay, and resynced', () => {
    const loop = start({ idle: true }, { probeAfter: 120_000, commandTimeout: 30_000 }, (s) => s.append());
    loop.frozen = true;
    loop.advance(120_000 + 29_999);
    expect(loop.of('disconnected')).toHaveLength(0);
    loop.advance(1);
    expect(loop.of('disconnected')).toEqual([
      { type: 'disconnected', reason: 'the server stopped answering', retryIn: 1000 },
    ]);
    loop.frozen = false;
    loop.store.append();
    loop.advance(999);
    expect(loop.of('connecting')).toHaveLength(1);
    loop.advance(1);
    expect(loop.of('connecting')).toEqual([
      { type: 'connecting', attempt: 0 },
      { type: 'connecting', attempt: 1 },
    ]);
    expect(loop.of('new').map((e) => e.uid)).toEqual([2]);
    expect(loop.of('ready')).toHaveLength(2);
  });
});

describe('Watcher: NOTIFY and polling', () => {
  it('NOTIFY where advertised: NOTIFY SET after the sync, no IDLE, changes pushed at once', () => {
    const loop = start({ notify: true, idle: true, preview: true });
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'LIST', 'NOTIFY']);
    expect(loop.of('ready')[0]!.push).toBe('notify');
    loop.store.append();
    loop.advance(0);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'LIST', 'NOTIFY', 'FETCH']);
    expect(loop.of('new', 'message').map((e) => e.type)).toEqual(['new', 'message']);
  });

  it('NOTIFY: renames pushed as they happen; those made while away found by LIST on the next connection', () => {
    const loop = start({ notify: true, preview: true });
    loop.store.rename('Archive', 'Old');
    loop.advance(0);
    loop.cut();
    loop.store.rename('Old', 'Older');
    loop.advance(1000);
    expect(
      loop.of('mailbox').map((e) => [e.change, e.mailbox, e.change === 'renamed' ? e.oldName : '']),
    ).toEqual([
      ['renamed', 'Old', 'Archive'],
      ['deleted', 'Old', ''],
      ['created', 'Older', ''],
    ]);
  });

  it('check(): a NOOP now, out of IDLE first', () => {
    const loop = start({ idle: true });
    loop.w.check(loop.now);
    loop.advance(0);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'IDLE', 'NOOP', 'IDLE']);
  });

  it('NOTIFY: a NOOP 1.5 s after news (Dovecot hides changes for ~1 s after a command), then only probes', () => {
    const loop = start({ notify: true, preview: true }, { probeAfter: 60_000 });
    loop.advance(1499);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'LIST', 'NOTIFY']);
    loop.advance(1);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'LIST', 'NOTIFY', 'NOOP']);
    loop.advance(10_000);
    loop.store.append();
    loop.advance(1500);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'LIST', 'NOTIFY', 'NOOP', 'FETCH', 'NOOP']);
    // Quiet since: the next command is the liveness probe, 60 s after the last answer.
    loop.advance(59_999);
    expect(loop.commands).toHaveLength(7);
    loop.advance(1);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'LIST', 'NOTIFY', 'NOOP', 'FETCH', 'NOOP', 'NOOP']);
  });

  it('without IDLE: NOOP every pollInterval, changes read from its answers', () => {
    const loop = start({ idle: false }, { pollInterval: 30_000 });
    expect(loop.of('ready')[0]!.push).toBe('poll');
    loop.store.append();
    loop.advance(29_999);
    expect(loop.of('new')).toHaveLength(0);
    loop.advance(1);
    expect(loop.of('new')).toHaveLength(1);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'NOOP', 'FETCH', 'FETCH']);
  });

  it('other mailboxes without NOTIFY: STATUS at once, then every pollInterval, from IDLE', () => {
    const loop = start({ idle: true }, { mailboxes: ['INBOX', 'Lists'], pollInterval: 60_000 });
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'STATUS', 'IDLE']);
    expect(loop.of('mailbox')).toEqual([
      {
        type: 'mailbox',
        change: 'status',
        mailbox: 'Lists',
        status: { messages: 0, uidNext: 1, uidValidity: 1, unseen: 0 },
      },
    ]);
    loop.advance(60_000);
    expect(loop.commands).toEqual(['LOGIN', 'SELECT', 'STATUS', 'IDLE', 'STATUS', 'IDLE']);
    // The same STATUS again is no news.
    expect(loop.of('mailbox')).toHaveLength(1);
  });
});

describe('Watcher: reconnect and resync', () => {
  for (const [name, caps, strategy] of [
    ['QRESYNC', { idle: true, qresync: true, condstore: true }, 'qresync'],
    ['CONDSTORE', { idle: true, condstore: true, esearch: true }, 'condstore'],
    ['a full comparison', { idle: true }, 'full'],
  ] as const) {
    it(`changes made while away are reported once, by ${name}`, () => {
      const loop = start(caps, {}, (s) => {
        for (let i = 0; i < 6; i++) s.append();
      });
      loop.cut();
      expect(loop.of('disconnected')).toEqual([
        { type: 'disconnected', reason: 'the connection ended', retryIn: 1000 },
      ]);
      loop.store.expunge(2);
      loop.store.setFlags(3, ['\\Flagged']);
      loop.store.setFlags(3, ['\\Flagged', '\\Seen']);
      const a = loop.store.append();
      const b = loop.store.append();
      loop.store.expunge(b);
      loop.advance(1000);
      expect(loop.of('ready')[1]).toMatchObject({ strategy });
      expect(
        loop
          .of('new', 'expunge', 'flags')
          .map((e) => ({ type: e.type, uid: e.uid, ...('flags' in e && { flags: e.flags }) })),
      ).toEqual([
        { type: 'expunge', uid: 2 },
        { type: 'flags', uid: 3, flags: ['\\Flagged', '\\Seen'] },
        { type: 'new', uid: a, flags: [] },
      ]);
      expect([...loop.w.mailbox.messages()].map((m) => m.uid)).toEqual(loop.store.messages.map((m) => m.uid));
      expect(loop.of('message').map((e) => e.uid)).toEqual([a]);
    });
  }

  it('backs off exponentially while the server refuses, capped, then starts over', () => {
    const loop = start({ idle: true }, { backoff: { initial: 1000, max: 8000, factor: 2, jitter: 0.5 } });
    loop.refuse = 5;
    loop.cut();
    loop.advance(60_000);
    expect(loop.of('disconnected').map((e) => e.retryIn)).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(loop.of('ready')).toHaveLength(2);
    loop.cut();
    expect(loop.of('disconnected').at(-1)!.retryIn).toBe(1000);
  });

  it('jitter takes up to its share off the delay', () => {
    const store = new Store();
    const w = new Watcher({ login, random: () => 0.5, backoff: { initial: 1000, jitter: 0.5 } });
    const loop = new WatchLoop(w, store, { idle: true });
    loop.refuse = 1;
    loop.advance(0);
    expect(loop.of('disconnected')[0]!.retryIn).toBe(750);
  });

  it('a UIDVALIDITY change while away: one reset, the new UIDs quietly', () => {
    const loop = start({ idle: true, qresync: true, condstore: true }, {}, (s) => {
      s.append();
      s.append();
    });
    loop.store.recreate();
    loop.advance(0);
    loop.cut();
    loop.advance(1000);
    expect(loop.of('reset')).toEqual([{ type: 'reset', uidValidity: 101, previous: 100, mailbox: 'INBOX' }]);
    expect(loop.of('new', 'expunge')).toEqual([]);
    expect([...loop.w.mailbox.messages()].map((m) => m.uid)).toEqual([3, 4]);
  });

  it('stop: DONE, LOGOUT, stopped; no reconnect', () => {
    const loop = start({ idle: true });
    loop.w.stop(loop.now);
    loop.advance(0);
    expect(loop.connections[0]!.commands.slice(-2)).toEqual(['IDLE', 'LOGOUT']);
    expect(loop.of('disconnected', 'stopped')).toEqual([
      { type: 'disconnected', reason: 'logged out', retryIn: null },
      { type: 'stopped' },
    ]);
    expect(loop.finished).toBe(true);
    loop.advance(600_000);
    expect(loop.connections).toHaveLength(1);
  });

  it('stop while waiting to reconnect ends at once', () => {
    const loop = start({ idle: true });
    loop.cut();
    loop.w.stop(loop.now);
    loop.advance(0);
    expect(loop.events.at(-1)).toEqual({ type: 'stopped' });
    loop.advance(60_000);
    expect(loop.connections).toHaveLength(1);
  });
});

describe('Watcher: stopping at any moment', () => {
  it('stop at any byte of the exchange: LOGOUT after what is in flight, nothing more, stopped', () => {
    for (let at = 0; at <= 900; at += 10) {
      const store = new Store();
      for (let i = 0; i < 3; i++) store.append();
      const w = new Watcher({ login, random: () => 0 });
      const loop = new WatchLoop(w, store, { idle: true, condstore: true, esearch: true });
      let sentBefore = -1;
      loop.after(at, () => {
        sentBefore = loop.connections[0]!.commands.length;
        w.stop(loop.now);
      });
      loop.advance(0);
      if (sentBefore < 0) continue; // the exchange was shorter
      const cmds = loop.connections[0]!.commands;
      // Before the whole greeting there is nothing to log out of: the connection is just closed.
      const greeting = '* OK [CAPABILITY IMAP4rev1 ENABLE UIDPLUS IDLE CONDSTORE ESEARCH] mini ready\r\n'
        .length;
      // A command already written but not yet read by the server may come before the LOGOUT.
      const after = cmds.slice(sentBefore);
      if (at < greeting) expect(after, `stop after ${at} bytes`).toEqual([]);
      else {
        expect(after.at(-1), `stop after ${at} bytes`).toBe('LOGOUT');
        expect(after.length, `stop after ${at} bytes: ${after}`).toBeLessThanOrEqual(2);
      }
      expect(loop.events.at(-1)).toEqual({ type: 'stopped' });
      expect(loop.finished).toBe(true);
      expect(loop.connections).toHaveLength(1);
    }
  });
});
