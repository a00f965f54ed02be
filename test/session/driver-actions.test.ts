/**
 * The client session as a ConnectionMachine: the driver actions it asks for. `starttls` after
 * STARTTLS's OK (RFC 9051 §6.2.1), `compress` after COMPRESS's OK with the bytes after it as
 * `leftover` (RFC 4978 §3, §4), `close` after LOGOUT, a BYE or a timeout, `finished` once the
 * connection closed; each with the server's bytes split at every position.
 */
import { describe, expect, it } from 'vitest';
import { ClientSession, type SessionEvent } from '../../src/session/client-session.ts';
import type { DriverAction } from '../../src/session/machine.ts';

const te = new TextEncoder();
const td = new TextDecoder();

const GREETING = '* OK [CAPABILITY IMAP4rev1 STARTTLS COMPRESS=DEFLATE] hi\r\n';

/** Every split of `text` into two chunks (and the whole). */
function splits(text: string): Uint8Array[][] {
  const b = te.encode(text);
  const out: Uint8Array[][] = [[b.slice()]];
  for (let k = 1; k < b.length; k++) out.push([b.slice(0, k), b.slice(k)]);
  return out;
}

/** A driver in miniature: after each call, what was written and the actions taken, in order. */
function driven(session: ClientSession) {
  const log: string[] = [];
  const actions: DriverAction[] = [];
  const drain = (): void => {
    for (;;) {
      const out = session.pollTransmit();
      if (out !== null) {
        log.push(`C: ${td.decode(out)}`);
        continue;
      }
      const a = session.pollAction();
      if (a === null) return;
      actions.push(a);
      log.push(`action ${a.type}`);
      if (a.type === 'compress') session.compressionStarted(1);
    }
  };
  return { log, actions, drain };
}

const kinds = (events: SessionEvent[]): string[] =>
  events.map((e) =>
    e.type === 'completion'
      ? `${e.command} ${e.status}`
      : e.type === 'untagged'
        ? `untagged ${e.response.kind}`
        : e.type,
  );

describe('starttls', () => {
  const tail = 'A1 OK begin TLS\r\n';
  it.each([
    ['alone', tail],
    ['with plaintext injected after it', `${tail}* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n`],
  ])('is asked once after the OK (%s), split at every position', (_name, text) => {
    for (const chunks of splits(text)) {
      const s = new ClientSession({ now: 0 });
      const d = driven(s);
      s.receive(te.encode(GREETING), 0);
      s.send({ name: 'STARTTLS' }, 0);
      s.send({ name: 'LOGIN', username: 'u', password: 'p' }, 0);
      d.drain();
      s.takeEvents();
      for (const c of chunks) {
        s.receive(c, 1);
        d.drain();
      }
      expect(d.actions).toEqual([{ type: 'starttls' }]);
      const events = s.takeEvents();
      // The injected CAPABILITY never reaches the decoder: the bytes are dropped and reported.
      expect(events.filter((e) => e.type === 'capabilities')).toEqual([]);
      const dropped = events
        .filter((e) => e.type === 'protocol-error')
        .map((e) => Number(/^(\d+) bytes/.exec((e as { message: string }).message)?.[1]))
        .reduce((a, b) => a + b, 0);
      expect(dropped).toBe(te.encode(text).length - tail.length);
      expect(d.log).toEqual(['C: A1 STARTTLS\r\n', 'action starttls']);
      s.tlsEstablished(2);
      d.drain();
      expect(d.log.at(-1)).toBe('C: A3 CAPABILITY\r\n');
    }
  });

  it('a NO leaves the stream as it was: what follows the NO is read', () => {
    for (const chunks of splits('A1 NO not now\r\n* 3 EXISTS\r\n')) {
      const s = new ClientSession({ now: 0 });
      const d = driven(s);
      s.receive(te.encode(GREETING), 0);
      s.send({ name: 'STARTTLS' }, 0);
      d.drain();
      s.takeEvents();
      for (const c of chunks) s.receive(c, 1);
      d.drain();
      expect(d.actions).toEqual([]);
      expect(kinds(s.takeEvents())).toEqual(['STARTTLS NO', 'untagged exists']);
    }
  });
});

describe('compress', () => {
  /** After COMPRESS's OK, bytes the test's identity "codec" passes through: decoded only via leftover. */
  const after = '* 7 EXISTS\r\n';
  const text = `A2 OK DEFLATE active\r\n${after}`;

  function session() {
    const s = new ClientSession({ now: 0 });
    const d = driven(s);
    s.receive(te.encode(GREETING), 0);
    s.send({ name: 'LOGIN', username: 'u', password: 'p' }, 0);
    s.receive(te.encode('A1 OK [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE] in\r\n'), 0);
    s.send({ name: 'COMPRESS', mechanism: 'DEFLATE' }, 0);
    s.send({ name: 'NOOP' }, 0);
    d.drain();
    s.takeEvents();
    d.log.length = 0;
    return { s, d };
  }

  it('hands the rest of the chunk over as leftover, decodes none of it, and writes nothing before the action', () => {
    for (const chunks of splits(text)) {
      const { s, d } = session();
      let inflating = false;
      const fed: string[] = [];
      for (const c of chunks) {
        // The driver inflates every chunk after the action (here: the identity).
        if (inflating) fed.push(td.decode(c));
        s.receive(c, 1);
        const before = d.actions.length;
        d.drain();
        const a = d.actions[before];
        if (a?.type === 'compress') {
          inflating = true;
          fed.unshift(td.decode(a.leftover));
          for (const f of fed.splice(0)) s.receive(te.encode(f), 1);
          d.drain();
        }
      }
      expect(d.actions.map((a) => a.type)).toEqual(['compress']);
      // The NOOP goes only after the driver took the action (its bytes are to be compressed).
      expect(d.log).toEqual(['action compress', 'C: A3 NOOP\r\n']);
      const events = kinds(s.takeEvents());
      expect(events).toEqual(['COMPRESS OK', 'untagged exists']);
    }
  });

  it('leftover is exactly the bytes after the OK in the chunk that held its end', () => {
    const whole = te.encode(text);
    const okEnd = text.indexOf('\n') + 1;
    for (let k = 0; k < whole.length; k++) {
      const { s, d } = session();
      const chunks = k === 0 ? [whole.slice()] : [whole.slice(0, k), whole.slice(k)];
      let leftover: string | undefined;
      for (const c of chunks) {
        s.receive(c, 1);
        for (let a = s.pollAction(); a; a = s.pollAction())
          if (a.type === 'compress') leftover = td.decode(a.leftover);
        if (leftover !== undefined) break;
      }
      expect(leftover).toBe(k >= okEnd ? text.slice(okEnd, k) : after);
      d.drain();
    }
  });

  it('bytes received before the action is taken are added to the leftover; writes wait for compressionStarted', () => {
    const { s } = session();
    s.receive(te.encode('A2 OK DEFLATE active\r\nab'), 1);
    s.receive(te.encode('cd'), 1);
    expect(s.pollTransmit()).toBe(null);
    const a = s.pollAction();
    expect(a?.type === 'compress' && td.decode(a.leftover)).toBe('abcd');
    // Taken (a machine wrapping the session may take it early), not yet started: nothing goes.
    s.send({ name: 'NOOP' }, 1);
    expect(s.pollTransmit()).toBe(null);
    s.compressionStarted(2);
    expect(td.decode(s.pollTransmit() ?? new Uint8Array())).toBe('A3 NOOP\r\nA4 NOOP\r\n');
    expect(() => s.compressionStarted(3)).toThrow(/no COMPRESS was accepted/);
  });
});

describe('close and finished', () => {
  it('close after LOGOUT completes (its BYE does not ask first), finished after closed()', () => {
    for (const chunks of splits('* BYE logging out\r\nA1 OK bye\r\n')) {
      const s = new ClientSession({ now: 0 });
      const d = driven(s);
      s.receive(te.encode(GREETING), 0);
      s.send({ name: 'LOGOUT' }, 0);
      d.drain();
      for (const c of chunks) {
        s.receive(c, 1);
        d.drain();
        if (d.actions.length > 0) expect(s.state).toBe('logout');
      }
      expect(d.log).toEqual(['C: A1 LOGOUT\r\n', 'action close']);
      expect(s.pollAction()).toBe(null);
      s.closed(2);
      d.drain();
      expect(d.actions.map((a) => a.type)).toEqual(['close', 'finished']);
      expect(s.state).toBe('closed');
      // Nothing more, whatever the driver reports.
      s.closed(3);
      s.receive(te.encode('* 1 EXISTS\r\n'), 3);
      expect(s.pollAction()).toBe(null);
    }
  });

  it('a BYE that no LOGOUT asked for asks to close; so does a BYE greeting', () => {
    for (const chunks of splits('* BYE server shutting down\r\n')) {
      const s = new ClientSession({ now: 0 });
      s.receive(te.encode(GREETING), 0);
      s.send({ name: 'NOOP' }, 0);
      s.pollTransmit();
      for (const c of chunks) s.receive(c, 1);
      expect(s.pollAction()).toEqual({ type: 'close' });
      expect(s.pollAction()).toBe(null);
    }
    const g = new ClientSession({ now: 0 });
    g.receive(te.encode('* BYE too busy\r\n'), 0);
    expect(g.pollAction()).toEqual({ type: 'close' });
  });

  it('a timeout closes the session and asks the driver to close; closed() then says finished', () => {
    const s = new ClientSession({ now: 0, commandTimeout: 1000 });
    s.receive(te.encode(GREETING), 0);
    s.send({ name: 'NOOP' }, 10);
    s.pollTransmit();
    s.tick(1009);
    expect(s.pollAction()).toBe(null);
    s.tick(1010);
    expect(s.state).toBe('closed');
    expect(s.pollAction()).toEqual({ type: 'close' });
    expect(s.pollAction()).toBe(null);
    s.closed(1020);
    expect(s.pollAction()).toEqual({ type: 'finished' });
  });

  it('the server closing first: finished, no close', () => {
    const s = new ClientSession({ now: 0 });
    s.receive(te.encode(GREETING), 0);
    s.closed(5);
    expect(s.pollAction()).toEqual({ type: 'finished' });
    expect(s.pollAction()).toBe(null);
  });
});
